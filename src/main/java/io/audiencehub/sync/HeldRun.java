package io.audiencehub.sync;

import java.time.Instant;
import java.util.List;

/**
 * A sync run the guard held ({@link SyncGuard}): its pages are stored and unapplied, and later runs of the
 * same audience wait behind it until an admin approves it (applied as one change) or rejects it (discarded).
 *
 * @param membersBefore the audience's members before the run
 * @param added the members the run would bring in, as far as it arrived when it was held
 * @param removed the members it would leave out
 * @param sampleAdded some of the ids it would bring in; {@code sampleRemoved} some it would leave out
 * @param decidedBy who approved or rejected it, and {@code decidedAt} when; null while held
 */
public record HeldRun(long id, long connectorId, String audienceKey, String audience, String syncTaskId,
                      long membersBefore, long added, long removed, String reason, List<String> sampleAdded,
                      List<String> sampleRemoved, Instant heldAt, Status status, String decidedBy, Instant decidedAt) {

    /** How many of the ids it would bring in, and of those it would leave out, a held run keeps as a sample. */
    public static final int SAMPLE_SIZE = 10;

    public enum Status {
        /** Waiting for an admin; the audience's later runs wait behind it. */
        HELD,
        /** Approved: the writer applies it as one change within a second. */
        APPROVED,
        APPLIED,
        /** Rejected: its pages were discarded, nothing of it applied. */
        REJECTED
    }
}
