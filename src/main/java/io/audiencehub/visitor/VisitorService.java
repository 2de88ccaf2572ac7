package io.audiencehub.visitor;

import io.audiencehub.base.ConflictRetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry of known visitors. Reports are accepted into a bounded in-memory buffer and written
 * every {@code flush-interval} by the {@link VisitorFlushLoop} in multi-row upserts, so the endpoint answers at once; a crash loses
 * at most the reports of the last interval. A visitor's first sighting publishes {@link VisitorFirstSeen}.
 */
@Service
public class VisitorService {

    private static final Logger log = LoggerFactory.getLogger(VisitorService.class);
    private static final int SHARDS = 64;

    private final VisitorRepository visitors;
    private final VisitorProperties settings;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final VisitorSuppression suppression;
    private final BlockingQueue<Report> buffer;
    private final Counter accepted;
    private final Counter refused;
    /** This hub's row of each hour's count: another hub of a cluster most likely writes another. */
    private final int shard = ThreadLocalRandom.current().nextInt(SHARDS);

    private record Report(String visitorId, Instant at) {
    }

    VisitorService(VisitorRepository visitors, VisitorProperties settings, TransactionTemplate transaction,
                   ApplicationEventPublisher events, Clock clock, VisitorSuppression suppression,
                   MeterRegistry metrics) {
        this.visitors = visitors;
        this.suppression = suppression;
        this.settings = settings;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.buffer = new ArrayBlockingQueue<>(settings.bufferCapacity());
        this.accepted = metrics.counter("audiencehub.visitors.reports", "result", "accepted");
        this.refused = metrics.counter("audiencehub.visitors.reports", "result", "buffer_full");
        metrics.gauge("audiencehub.visitors.buffered", buffer, BlockingQueue::size);
    }

    /**
     * Accepts a sighting of a valid visitor id for the next flush.
     *
     * @return false when the buffer is full (the caller should retry later)
     */
    public boolean report(String visitorId) {
        boolean buffered = buffer.offer(new Report(visitorId, clock.instant()));
        (buffered ? accepted : refused).increment();
        return buffered;
    }

    /**
     * Forgets a visitor: its row in the registry and any report of it still buffered on this hub. While
     * it is erased ({@link VisitorSuppression}) no report of it is stored again, from any hub.
     *
     * @return whether the registry held it
     */
    public boolean forget(String visitorId) {
        buffer.removeIf(report -> report.visitorId().equals(visitorId));
        return visitors.delete(visitorId);
    }

    /** The visitors reported per hour since {@code since} (the distinct visitors of each flush, summed), by hour. */
    @PreAuthorize("isAuthenticated()")
    public Map<Instant, Long> reportsPerHour(Instant since) {
        return visitors.reportsPerHour(since);
    }

    /** When the registry first and last saw the visitor; empty for one it does not hold (never seen, or erased). */
    @PreAuthorize("isAuthenticated()")
    public Optional<VisitorSeen> seen(String visitorId) {
        return visitors.seen(visitorId);
    }

    /** Calls {@code action} with every stored visitor id, streamed from the database. */
    public void forEachKnownVisitor(Consumer<String> action) {
        visitors.forEachId(action);
    }

    /**
     * Calls {@code action} with the visitors first seen at or after {@code since}, by any hub of a cluster
     * (each hub's own sightings are also announced as {@link VisitorFirstSeen} events, on that hub only).
     */
    public void forEachVisitorFirstSeenSince(Instant since, Consumer<String> action) {
        visitors.forEachIdFirstSeenSince(since, action);
    }

    /**
     * Writes what is buffered now; returns how many distinct visitors it wrote. One flush at a time,
     * so that two never upsert the same rows at once, and so that when it returns every report
     * accepted before the call is stored, even those a scheduled flush had already taken.
     */
    public synchronized int flush() {
        List<Report> drained = new ArrayList<>();
        buffer.drainTo(drained);
        if (drained.isEmpty()) {
            return 0;
        }
        Map<String, Instant> lastSeen = new LinkedHashMap<>();
        drained.forEach(report -> lastSeen.merge(report.visitorId(), report.at(),
                (earlier, later) -> later.isAfter(earlier) ? later : earlier));
        lastSeen.keySet().removeIf(suppression::isErased);
        if (lastSeen.isEmpty()) {
            return 0;
        }
        try {
            Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
            Set<String> known = ConflictRetry.execute(transaction, status -> {
                Set<String> existing = visitors.existing(lastSeen.keySet());
                visitors.upsert(lastSeen);
                visitors.countReports(hour, shard, lastSeen.size());
                return existing;
            });
            lastSeen.forEach((id, at) -> {
                if (!known.contains(id)) {
                    events.publishEvent(new VisitorFirstSeen(id, at));
                }
            });
            return lastSeen.size();
        } catch (RuntimeException e) {
            int requeued = (int) drained.stream().filter(buffer::offer).count();
            log.error("Could not store {} visitor reports; {} kept for the next flush", drained.size(), requeued, e);
            return 0;
        }
    }

    /** Flushes until the buffer is empty or a flush fails (what it held stays buffered for the next). */
    void flushAll() {
        int written;
        do {
            written = flush();
        } while (written > 0 && !buffer.isEmpty());
    }
}
