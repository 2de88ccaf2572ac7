package io.audiencehub.sync;

import java.util.List;

/**
 * One page of one sync task of one of a source's audiences, whatever the source: a {@code segment.users.sync}
 * delivery of Heap's contract (which custom sources speak too), whose audience key is the segment's id; or an
 * upload's whole membership of an audience ({@code replacesMembers}: its adds replace the members).
 */
record SyncPage(String audienceKey, String audienceName, String syncTaskId, int pageNumber, int totalPages,
                List<String> add, List<String> remove, boolean replacesMembers) {

    SyncPage(String audienceKey, String audienceName, String syncTaskId, int pageNumber, int totalPages,
             List<String> add, List<String> remove) {
        this(audienceKey, audienceName, syncTaskId, pageNumber, totalPages, add, remove, false);
    }
}
