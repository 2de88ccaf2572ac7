package io.audiencehub.segment;

import java.util.List;

/** Implemented by features that target segments (campaigns): a segment in use is not deleted. */
public interface SegmentUsage {

    /** Human sentences such as "campaign Winter sale", empty when nothing uses the segment. */
    List<String> usagesOf(long segmentId);
}
