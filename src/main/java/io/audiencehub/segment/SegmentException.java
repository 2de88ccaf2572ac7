package io.audiencehub.segment;

/** A segment change refused, with a message for the person who asked for it. */
public class SegmentException extends RuntimeException {

    public SegmentException(String message) {
        super(message);
    }
}
