package io.audiencehub.audience;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audience writer's lease: a row of the {@code shedlock} table held for
 * {@code audiencehub.audiences.writer-lease} and extended every round while it is held. This instance
 * trusts its lease only until a safety margin before it could expire in the database, counted from the
 * moment it asked for it, so it stops applying before any other instance can take the lease.
 */
@Component
class WriterLease {

    static final String NAME = "audience-writer";
    private static final Logger log = LoggerFactory.getLogger(WriterLease.class);

    private final LockProvider locks;
    private final Duration lease;
    private final long trustedNanos;
    private volatile SimpleLock held;
    private volatile long trustedUntil;

    WriterLease(LockProvider locks, @Value("${audiencehub.audiences.writer-lease}") Duration lease) {
        if (lease.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("audiencehub.audiences.writer-lease must be at least 2s, not " + lease);
        }
        this.locks = locks;
        this.lease = lease;
        // a margin for the clock rates of this host and the database's, and for a pause after the check
        this.trustedNanos = lease.toNanos() * 3 / 4;
    }

    /** Extends the lease when held, else takes it when it is free; true when this instance holds it now. */
    synchronized boolean acquireOrExtend() {
        long asked = System.nanoTime();
        try {
            Optional<SimpleLock> renewed = held != null ? held.extend(lease, Duration.ZERO)
                    : locks.lock(new LockConfiguration(Instant.now(), NAME, lease, Duration.ZERO));
            if (held != null && renewed.isEmpty()) {
                log.error("The audience writer lease expired before it was extended");
            }
            held = renewed.orElse(null);
            trustedUntil = held != null ? asked + trustedNanos : 0;
        } catch (RuntimeException e) {
            log.warn("Could not extend or take the audience writer lease: {}", e.getMessage());
            if (!isValid()) {
                held = null;
            }
        }
        return isValid();
    }

    /** Whether this instance may still act as the writer: it holds the lease and has not outlived its trust. */
    boolean isValid() {
        return held != null && System.nanoTime() - trustedUntil < 0;
    }

    synchronized void release() {
        trustedUntil = 0;
        if (held != null) {
            try {
                held.unlock();
            } catch (RuntimeException e) {
                log.debug("The audience writer lease could not be given back; it expires by itself", e);
            }
            held = null;
        }
    }
}
