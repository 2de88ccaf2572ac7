package io.audiencehub.security;

import java.time.Instant;

/** A server-side client's key as admins see it: never the key itself, only its first characters. */
public record ApiKey(long id, String name, String prefix, String createdBy, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
