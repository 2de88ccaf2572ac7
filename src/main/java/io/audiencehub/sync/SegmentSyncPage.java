package io.audiencehub.sync;

import java.util.List;

/** One {@code segment.users.sync} delivery as Heap sends it: one page of one sync task of one segment. */
record SegmentSyncPage(String idToken, long segmentId, String segmentName, String syncTaskId, int pageNumber,
                       int totalPages, List<String> add, List<String> remove) {
}
