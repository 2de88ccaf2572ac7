package io.audiencehub.sandbox.mixpanel;

import java.time.Instant;

/** One attempt to deliver one call; {@code status} is null when no answer came. */
public record MixpanelDeliveryAttempt(long id, long cohortId, String sessionId, String action, int pageCount,
                                      int totalPages, int members, int attempt, Integer status, String outcome,
                                      Instant at) {
}
