package io.audiencehub.audience;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether this instance is the one that changes audiences. It renews its claim on the
 * {@link AudienceWriterLock} every round of the {@link AudienceLoop}; an instance that takes the claim
 * runs the takeover (load what the previous writer left, recount) before it counts as the writer, so
 * no change is applied to state it has not loaded.
 */
@Component
class WriterElection {

    private static final Logger log = LoggerFactory.getLogger(WriterElection.class);

    private final AudienceWriterLock lock;
    private volatile boolean writer;
    private volatile Thread takingOver;

    WriterElection(AudienceWriterLock lock) {
        this.lock = lock;
    }

    boolean isWriter() {
        return writer;
    }

    /** Throws unless this instance is the writer, or this thread is running its takeover. */
    void requireWriter() {
        if (!writer && Thread.currentThread() != takingOver) {
            throw new IllegalStateException("Another hub instance changes the audiences of this database");
        }
    }

    /**
     * Keeps the lock or takes it when it is free, running {@code takeover} first when this instance
     * becomes the writer; a takeover that fails gives the lock back for the next round to retry.
     *
     * @return whether this instance is the writer now
     */
    synchronized boolean renew(Runnable takeover) {
        boolean holds = lock.acquire();
        if (holds && !writer) {
            takingOver = Thread.currentThread();
            try {
                takeover.run();
            } catch (RuntimeException | Error e) {
                lock.release();
                throw e;
            } finally {
                takingOver = null;
            }
            writer = true;
            log.info("This instance is now the audience writer");
        } else if (!holds && writer) {
            log.error("This instance lost the audience writer lock (database connection lost); it stops applying");
            writer = false;
        }
        return writer;
    }

    synchronized void resign() {
        writer = false;
        lock.release();
    }
}
