package io.audiencehub.csv;

/** Where a long read or import is: a step in words and, when it can be told, the fraction done (0 to 1). */
@FunctionalInterface
public interface CsvProgress {

    /** @param fraction from 0 to 1, or negative while it cannot be told */
    void update(String step, double fraction);
}
