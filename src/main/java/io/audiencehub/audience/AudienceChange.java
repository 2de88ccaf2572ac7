package io.audiencehub.audience;

import java.time.Instant;

/**
 * One page of a provider's segment sync: the members that entered or left the segment's audience, or,
 * when it {@code replacesMembers}, the audience's whole membership (its adds; a CSV upload).
 */
public record AudienceChange(long connectorId, long segmentId, String segmentName, MemberBatch members,
                             Instant at, boolean replacesMembers) {

    public AudienceChange(long connectorId, long segmentId, String segmentName, MemberBatch members, Instant at) {
        this(connectorId, segmentId, segmentName, members, at, false);
    }
}
