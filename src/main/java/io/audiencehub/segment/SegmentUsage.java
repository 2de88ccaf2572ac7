package io.audiencehub.segment;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Implemented by features that target segments (campaigns): a segment in use is not deleted. */
public interface SegmentUsage {

    /** Human sentences such as "campaign Winter sale", empty when nothing uses the segment. */
    List<String> usagesOf(long segmentId);

    /** The same for several segments at once, keyed by segment id; segments nothing uses may be left out. */
    Map<Long, List<String>> usagesOf(Collection<Long> segmentIds);
}
