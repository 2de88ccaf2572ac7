package io.audiencehub.security;

import java.time.Instant;

/** A user who signs in with a password kept (bcrypt) in this product's database. */
public record LocalUser(String username, String displayName, Role role, Instant createdAt) {
}
