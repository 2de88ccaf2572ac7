package io.audiencehub.directory;

import java.time.Instant;
import java.util.List;

/**
 * An audience of a connection, with the source's key for it (a Heap segment id); {@code hiddenReason} says
 * why targeting does not offer it, null when it does; {@code segments} names the segments that read it.
 */
public record ConnectionAudience(long id, String name, String audienceKey, long memberCount, long matchedCount,
                                 String hiddenReason, Instant lastSyncAt, List<String> segments) {
}
