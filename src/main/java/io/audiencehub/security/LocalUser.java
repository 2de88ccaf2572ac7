package io.audiencehub.security;

import java.time.Instant;

/**
 * A user who signs in with a password kept (bcrypt) in this product's database.
 *
 * @param failedSignIns failed sign-ins in a row since the last successful one
 * @param lockedUntil until then, sign-in is refused; null or past: not locked
 */
public record LocalUser(String username, String displayName, Role role, Instant createdAt, int failedSignIns,
                        Instant lockedUntil) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
