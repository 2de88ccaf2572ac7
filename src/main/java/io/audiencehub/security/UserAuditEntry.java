package io.audiencehub.security;

import java.time.Instant;

/** One change to a local user: which user, what, by whom, when, and what changed in words. */
public record UserAuditEntry(String username, String action, String actor, Instant at, String detail) {

    public static final String CREATED = "CREATED";
    public static final String ROLE_CHANGED = "ROLE_CHANGED";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    public static final String UNLOCKED = "UNLOCKED";
    public static final String REMOVED = "REMOVED";
    public static final String MADE_ADMIN = "MADE_ADMIN";
}
