package io.audiencehub.csv;

import java.util.List;

/**
 * A file as its first lines show it, and how it is probably meant to be read.
 *
 * @param columns the first line's values: the column names when it is a header
 * @param firstRows the first lines, split into values
 * @param suggested the layout to offer first: a header when there are several columns or the first value
 *                  is not a visitor id, and the column named like a visitor id
 */
public record CsvFile(String fileName, List<String> columns, List<List<String>> firstRows, CsvLayout suggested) {

    public boolean multiColumn() {
        return columns.size() > 1;
    }
}
