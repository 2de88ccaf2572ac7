package io.audiencehub.campaign;

import java.util.List;

/** A segment a campaign may target, with what the segment builder flags in it. */
public record SegmentChoice(long id, String name, List<String> warnings) {
}
