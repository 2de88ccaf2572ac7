package io.audiencehub.sandbox.heap;

import java.time.Instant;

/** A partner app connected to a sandbox environment through OAuth. */
public record PartnerApp(String environmentName, String clientId, long tokens, Instant connectedAt) {
}
