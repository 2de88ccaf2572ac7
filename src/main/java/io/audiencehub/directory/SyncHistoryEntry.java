package io.audiencehub.directory;

import java.time.Duration;
import java.time.Instant;

/**
 * One sync run of an audience: {@code result} in words, {@code duration} null while it runs,
 * {@code withoutVisitorId} the members the source sent with no visitor id the hub can match,
 * {@code membersAfter} and {@code matchedAfter} the audience's counts once the run's latest page was
 * applied (null before, and for runs older than the counts).
 */
public record SyncHistoryEntry(String syncTaskId, Instant startedAt, String result, int pagesReceived, int totalPages, long added,
                               long removed, long ignored, long withoutVisitorId, Long membersAfter, Long matchedAfter,
                               Duration duration, String lastError) {
}
