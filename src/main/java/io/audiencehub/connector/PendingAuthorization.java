package io.audiencehub.connector;

import java.time.Instant;

/** An authorization sent to the provider and not answered yet; {@code state} is its one-time key. */
record PendingAuthorization(String state, long connectorId, String codeVerifier, String redirectUri,
                            String apiBaseUrl, String startedBy, Instant createdAt, Instant completedAt) {
}
