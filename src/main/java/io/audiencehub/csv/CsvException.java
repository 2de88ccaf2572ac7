package io.audiencehub.csv;

/** An upload refused, with a message saying what is wrong and how to fix it; nothing was changed. */
public class CsvException extends RuntimeException {

    public CsvException(String message) {
        super(message);
    }
}
