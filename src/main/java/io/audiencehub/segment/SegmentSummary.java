package io.audiencehub.segment;

import java.time.Instant;
import java.util.List;

/**
 * A segment as the list shows it.
 *
 * @param criteria its definition in words
 * @param usedBy how many campaigns use it
 * @param warnings EXTERNAL DATA criteria whose audience became empty or whose connector is gone
 */
public record SegmentSummary(long id, String name, String criteria, int usedBy, Instant updatedAt,
                             List<String> warnings) {
}
