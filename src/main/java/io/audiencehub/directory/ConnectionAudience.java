package io.audiencehub.directory;

import java.time.Instant;

/** An audience of a connection; {@code hiddenReason} says why targeting does not offer it, null when it does. */
public record ConnectionAudience(long id, String name, long segmentId, long memberCount, long matchedCount,
                                 String hiddenReason, Instant lastSyncAt) {
}
