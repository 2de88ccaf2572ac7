package io.audiencehub.segment;

import java.time.Instant;

/** A stored targeting segment. */
public record Segment(long id, String name, SegmentDefinition definition, String updatedBy, Instant updatedAt) {
}
