package io.audiencehub.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * One sync task of one audience (its key at the source, see {@code Audience}): its pages and what applying
 * them changed; {@code unidentified} counts the members sent without an id the hub can match;
 * {@code membersAfter} and {@code matchedAfter} are the audience's counts once its latest page was applied
 * (null before any was, and for runs applied before they were kept).
 */
public record SyncRun(long id, long connectorId, String syncTaskId, String audienceKey, int totalPages, int pagesReceived,
                      int pagesApplied, long added, long removed, long ignoredAdds, long ignoredRemoves,
                      long unidentified, Long membersAfter, Long matchedAfter, Instant startedAt, Instant lastPageAt,
                      Instant completedAt, String lastError) {

    public enum Status { COMPLETE, IN_PROGRESS, INCOMPLETE, FAILING }

    /** Incomplete once pages are still missing {@code incompleteAfter} after the last one arrived. */
    public Status status(Instant now, Duration incompleteAfter) {
        if (completedAt != null) {
            return Status.COMPLETE;
        }
        if (lastError != null) {
            return Status.FAILING;
        }
        return lastPageAt.plus(incompleteAfter).isBefore(now) ? Status.INCOMPLETE : Status.IN_PROGRESS;
    }

    /** From the first page's arrival to the last page's application; null while running. */
    public Duration duration() {
        return completedAt == null ? null : Duration.between(startedAt, completedAt);
    }
}
