package io.audiencehub.sync;

import java.util.List;

/**
 * One page of one sync task of one of a source's audiences, whatever the source: a {@code segment.users.sync}
 * delivery of Heap's contract (which custom sources speak too), whose audience key is the segment's id; a
 * Mixpanel cohort sync call, keyed by the cohort id; or an upload's whole membership of an audience.
 * When it {@code replacesMembers}, the adds of every page of its task together replace the members.
 *
 * @param unidentified members the source sent without an id the hub can match (a Mixpanel member without
 *                     the visitor property): counted into the run, never stored
 */
record SyncPage(String audienceKey, String audienceName, String syncTaskId, int pageNumber, int totalPages,
                List<String> add, List<String> remove, boolean replacesMembers, long unidentified) {

    SyncPage(String audienceKey, String audienceName, String syncTaskId, int pageNumber, int totalPages,
             List<String> add, List<String> remove) {
        this(audienceKey, audienceName, syncTaskId, pageNumber, totalPages, add, remove, false, 0);
    }
}
