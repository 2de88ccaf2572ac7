package io.audiencehub.audience;

import java.time.Instant;

/** One page of a provider's segment sync: member keys (see {@link MemberKeys}) that entered or left. */
public record AudienceChange(long connectorId, long segmentId, String segmentName, long[] addedKeys,
                             long[] removedKeys, Instant at) {
}
