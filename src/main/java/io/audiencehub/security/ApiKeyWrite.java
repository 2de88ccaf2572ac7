package io.audiencehub.security;

import java.time.Instant;

/** A change requested with an API key, and how it was answered. */
public record ApiKeyWrite(String actor, String method, String path, int status, Instant at) {
}
