package io.audiencehub.audience;

import java.time.Instant;

/** A provider segment imported into the hub; available to targeting once a member is a known visitor. */
public record Audience(long id, long connectorId, long segmentId, String name, long memberCount, long matchedCount,
                       Instant createdAt, Instant lastChangeAt) {

    public static final String UNAVAILABLE_REASON = "no member matched a known visitor yet";

    public boolean available() {
        return matchedCount >= 1;
    }
}
