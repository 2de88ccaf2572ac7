package io.audiencehub.directory;

import java.time.Duration;
import java.time.Instant;

/** One sync run of an audience's segment: {@code result} in words, {@code duration} null while it runs. */
public record SyncHistoryEntry(String syncTaskId, Instant startedAt, String result, int pagesReceived, int totalPages, long added,
                               long removed, long ignored, Duration duration, String lastError) {
}
