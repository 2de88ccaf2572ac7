package io.audiencehub.directory;

import java.time.Instant;
import java.util.List;

/**
 * A sync run the guard on sudden audience changes held, as the Directory shows it.
 *
 * @param status HELD (waiting for an admin), APPROVED (being applied), APPLIED or REJECTED
 */
public record HeldSyncRun(long id, String audience, String syncTaskId, long membersBefore, long added, long removed,
                          String reason, List<String> sampleAdded, List<String> sampleRemoved, Instant heldAt,
                          String status, String decidedBy, Instant decidedAt) {

    public boolean waiting() {
        return "HELD".equals(status);
    }
}
