package io.audiencehub.segment;

/** Published when a segment is created, changed or deleted, inside the transaction that did it. */
public record SegmentChanged(long segmentId) {
}
