package io.audiencehub.audience;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether this instance is the one that changes audiences. It extends its {@link WriterLease} every
 * round of the {@link AudienceLoop}. An instance that takes the lease starts a new term first (the
 * fencing token every change it commits is checked against, see {@link AudienceJournal}), then runs the
 * takeover (load what the previous writer left, recount) before it counts as the writer, so no change
 * is applied to state it has not loaded, and no change of a previous writer can commit after it began.
 */
@Component
class WriterElection {

    private static final Logger log = LoggerFactory.getLogger(WriterElection.class);

    private final WriterLease lease;
    private final AudienceJournal journal;
    private volatile boolean writer;
    private volatile long term;
    private volatile Thread takingOver;

    WriterElection(WriterLease lease, AudienceJournal journal) {
        this.lease = lease;
        this.journal = journal;
    }

    /** True while this instance is the writer and its lease is still trusted. */
    boolean isWriter() {
        return writer && lease.isValid();
    }

    /** Throws unless this instance is the writer, or this thread is running its takeover. */
    void requireWriter() {
        if (Thread.currentThread() != takingOver && !isWriter()) {
            throw new IllegalStateException("Another hub instance changes the audiences of this database");
        }
    }

    /** The term this instance writes in: its changes commit only while no other instance started a later one. */
    long term() {
        return term;
    }

    /**
     * Keeps the lease or takes it when it is free, starting a term and running {@code takeover} when this
     * instance becomes the writer; a takeover that fails gives the lease back for the next round to retry.
     *
     * @return whether this instance is the writer now
     */
    synchronized boolean renew(Runnable takeover) {
        boolean holds = lease.acquireOrExtend();
        if (holds && !writer) {
            takingOver = Thread.currentThread();
            try {
                term = journal.beginTerm();
                takeover.run();
            } catch (RuntimeException | Error e) {
                lease.release();
                throw e;
            } finally {
                takingOver = null;
            }
            writer = true;
            log.info("This instance is now the audience writer (term {})", term);
        } else if (!holds && writer) {
            log.error("This instance lost the audience writer lease (term {}); it stops applying", term);
            writer = false;
        }
        return isWriter();
    }

    /** A commit found that another instance started a later term: this one is no longer the writer. */
    synchronized void superseded(long endedTerm) {
        if (writer && term == endedTerm) {
            log.error("Another hub instance took over the audiences (term {} ended); this one stops applying",
                    endedTerm);
            writer = false;
            lease.release();
        }
    }

    synchronized void resign() {
        writer = false;
        lease.release();
    }
}
