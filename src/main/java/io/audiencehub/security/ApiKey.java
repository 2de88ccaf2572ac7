package io.audiencehub.security;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;

/** A server-side client's key as admins see it: never the key itself, only its first characters, and its scopes. */
public record ApiKey(long id, String name, String prefix, Set<ApiKeyScope> scopes, String createdBy, Instant createdAt,
                     Instant revokedAt) {

    public ApiKey {
        scopes = Collections.unmodifiableSet(ApiKeyScope.withRead(scopes));
    }

    /** Its scopes in words, READ first. */
    public String access() {
        return ApiKeyScope.describe(scopes);
    }

    private static final int MAX_ACTOR_LENGTH = 80;

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Who audit trails record for its requests: the key's visible start and name, within 80 characters. */
    public String actorName() {
        String actor = "API key " + prefix + " (" + name + ")";
        return actor.length() <= MAX_ACTOR_LENGTH ? actor : actor.substring(0, MAX_ACTOR_LENGTH - 2) + "…)";
    }
}
