package io.audiencehub.directory;

import java.time.Instant;

/**
 * Deliveries the receiver refused alike within a minute: how many, the first and the last, the HTTP
 * answer, and the first one's id token, reason and client address as a sample.
 */
public record RefusedDelivery(Instant firstAt, Instant lastAt, int refusals, int status, String idToken, String reason,
                              String clientAddress) {
}
