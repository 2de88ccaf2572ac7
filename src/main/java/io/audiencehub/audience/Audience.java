package io.audiencehub.audience;

import java.time.Instant;

/**
 * A source's audience imported into the hub, known by its connector and the source's own key for it
 * ({@code audienceKey}: a Heap segment id, a CSV audience's name); available to targeting once a member
 * is a known visitor.
 */
public record Audience(long id, long connectorId, String audienceKey, String name, long memberCount, long matchedCount,
                       Instant createdAt, Instant lastChangeAt) {

    public static final String UNAVAILABLE_REASON = "no member matched a known visitor yet";

    public boolean available() {
        return matchedCount >= 1;
    }
}
