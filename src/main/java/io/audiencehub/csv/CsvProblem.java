package io.audiencehub.csv;

/** A bad row of a file: its line (from 1) and what is wrong with it. */
public record CsvProblem(long line, String problem) {

    @Override
    public String toString() {
        return "line " + line + ": " + problem;
    }
}
