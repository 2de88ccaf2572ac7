package io.audiencehub.segment;

import java.util.List;

/**
 * What the builder shows of the segment being built: its summary in words, each condition's text in
 * the order the tree holds them, its reach, and what is wrong with its EXTERNAL DATA criteria.
 */
public record SegmentPreview(String summary, List<String> conditionTexts, ReachEstimate reach, List<String> warnings) {
}
