package io.audiencehub.directory;

import java.time.Duration;
import java.time.Instant;

/**
 * One sync run of an audience: {@code result} in words, {@code duration} null while it runs,
 * {@code withoutVisitorId} the members the source sent with no visitor id the hub can match.
 */
public record SyncHistoryEntry(String syncTaskId, Instant startedAt, String result, int pagesReceived, int totalPages, long added,
                               long removed, long ignored, long withoutVisitorId, Duration duration, String lastError) {
}
