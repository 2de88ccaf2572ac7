package io.audiencehub.sandbox.heap;

import java.time.Instant;

/** A segment's export to Audience Hub, once confirmed: which user property is the Heap User ID. */
public record SandboxExport(long segmentId, String userIdProperty, Instant confirmedAt, boolean recurring,
                            Instant nextSyncAt, Instant lastSyncAt, String lastResult) {
}
