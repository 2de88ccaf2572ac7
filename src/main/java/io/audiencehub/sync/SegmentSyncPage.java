package io.audiencehub.sync;

import java.util.List;

/**
 * One {@code segment.users.sync} delivery as Heap sends it: one page of one sync task of one segment; or
 * an upload's whole membership of an audience ({@code replacesMembers}: its adds replace the members).
 */
record SegmentSyncPage(String idToken, long segmentId, String segmentName, String syncTaskId, int pageNumber,
                       int totalPages, List<String> add, List<String> remove, boolean replacesMembers) {

    SegmentSyncPage(String idToken, long segmentId, String segmentName, String syncTaskId, int pageNumber,
                    int totalPages, List<String> add, List<String> remove) {
        this(idToken, segmentId, segmentName, syncTaskId, pageNumber, totalPages, add, remove, false);
    }
}
