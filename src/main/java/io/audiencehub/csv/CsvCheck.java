package io.audiencehub.csv;

import java.util.List;

/**
 * A whole file read as a layout says, before anything is imported.
 *
 * @param rows the rows with an id (a header and blank lines left out)
 * @param distinctIds each id counted once
 * @param knownVisitors how many of those ids are visitors the hub knows: the audience's matched count
 * @param firstIds the first ids, for the preview
 * @param problems the first bad rows, by line; {@code problemCount} counts them all
 */
public record CsvCheck(long rows, long distinctIds, long knownVisitors, List<String> firstIds,
                       List<CsvProblem> problems, long problemCount) {

    /** Only a file without a bad row is imported: nothing is half-imported. */
    public boolean importable() {
        return problemCount == 0 && distinctIds > 0;
    }
}
