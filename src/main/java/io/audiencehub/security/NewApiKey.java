package io.audiencehub.security;

/** A key just created: {@code secret} is the whole key, shown this once and never stored. */
public record NewApiKey(ApiKey key, String secret) {
}
