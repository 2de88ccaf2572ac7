package io.audiencehub.audience;

import java.time.Instant;

/** One page of a provider's segment sync: the members that entered or left the segment's audience. */
public record AudienceChange(long connectorId, long segmentId, String segmentName, MemberBatch members,
                             Instant at) {
}
