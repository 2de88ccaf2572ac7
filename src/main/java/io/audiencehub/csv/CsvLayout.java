package io.audiencehub.csv;

/**
 * How to read a file: its delimiter, whether its first line names the columns, and which column
 * (from 0) holds the visitor ids.
 */
public record CsvLayout(char delimiter, boolean header, int column) {
}
