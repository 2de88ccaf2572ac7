package io.audiencehub.audience;

import java.time.Instant;

/**
 * One page of a source's sync of one of its audiences ({@code audienceKey}, see {@link Audience}): the
 * members that entered or left it, or, when it {@code replacesMembers}, its whole membership (its adds; a
 * CSV upload). The audience is made on its first change, and takes the change's {@code audienceName}.
 */
public record AudienceChange(long connectorId, String audienceKey, String audienceName, MemberBatch members,
                             Instant at, boolean replacesMembers) {

    public AudienceChange(long connectorId, String audienceKey, String audienceName, MemberBatch members, Instant at) {
        this(connectorId, audienceKey, audienceName, members, at, false);
    }
}
