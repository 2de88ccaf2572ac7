package io.audiencehub.campaign;

import io.audiencehub.base.BackgroundLoop;
import io.audiencehub.base.ConflictRetry;
import io.audiencehub.audience.VisitorIdErased;
import io.audiencehub.base.LoopOrder;
import io.audiencehub.campaign.ExposureRepository.Entered;
import io.audiencehub.campaign.ExposureRepository.Moved;
import io.audiencehub.campaign.ExposureRepository.StoredExposure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sticky exposure shared by every hub: the visitors campaigns keep are held in memory ({@link Exposures}) for
 * decisions, which change them with no database work on their path; every second this loop stores what
 * decisions changed here and follows what the other hubs stored, so that all agree within the 5 seconds
 * the cluster allows. A restarted hub loads them before it takes requests; until it could, campaigns that
 * keep their visitors decide nothing and answers say {@code stale}, as for audiences not yet loaded.
 */
@Component
class ExposureKeeper extends BackgroundLoop implements Decider.Keeping {

    private static final Logger log = LoggerFactory.getLogger(ExposureKeeper.class);
    private static final int FOLLOWED_PER_QUERY = 10_000;
    /** How often, in rounds, the visitors gone outside their campaigns' segments are counted again. */
    private static final int ROUNDS_PER_COUNT = 5;
    /**
     * How many changes decisions may queue for the database before this hub stops taking new ones (about 100 bytes
     * each): a database that cannot keep up must not fill the heap. A visitor not kept then is kept at a later
     * decision, once the queue has room.
     */
    static final int MAX_UNWRITTEN = 100_000;
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final ExposureRepository store;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Exposures exposures = new Exposures();
    private final Queue<Entered> entered = new ConcurrentLinkedQueue<>();
    private final Queue<Moved> moved = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unwritten = new AtomicInteger();
    private final int maxUnwritten;
    private final Counter deferred;
    private final AtomicLong lastWarned = new AtomicLong();
    private volatile boolean loaded;
    /** The loop's own: the last stored exposure this hub holds. */
    private long followedUpTo;
    private long erasedUpTo;
    private int round;
    private volatile Map<Long, Long> outsideSegments = Map.of();

    @Autowired
    ExposureKeeper(ExposureRepository store, TransactionTemplate transaction, Clock clock,
                   ApplicationEventPublisher events, MeterRegistry metrics) {
        this(store, transaction, clock, events, metrics, MAX_UNWRITTEN);
    }

    ExposureKeeper(ExposureRepository store, TransactionTemplate transaction, Clock clock,
                   ApplicationEventPublisher events, MeterRegistry metrics, int maxUnwritten) {
        super("campaign-exposures", Duration.ofSeconds(1), LoopOrder.CAMPAIGN_EXPOSURES, metrics);
        this.maxUnwritten = maxUnwritten;
        this.deferred = metrics.counter("audiencehub.exposures.deferred");
        this.store = store;
        this.transaction = transaction;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public boolean loaded() {
        return loaded;
    }

    @Override
    public long[] heldBy(long visitorKey) {
        return exposures.of(visitorKey);
    }

    @Override
    public void entered(long visitorKey, Campaign campaign, Variation variation, long variationKeyHash) {
        if (!roomToWrite()) {
            return;
        }
        if (exposures.keep(visitorKey, campaign.id(), variationKeyHash, false, false)) {
            unwritten.incrementAndGet();
            entered.add(new Entered(campaign.id(), visitorKey, variation.key(), clock.instant()));
        }
    }

    @Override
    public void outsideSegments(long visitorKey, long campaignId, boolean outside) {
        if (!roomToWrite()) {
            return;
        }
        if (exposures.markOutsideSegments(visitorKey, campaignId, outside)) {
            unwritten.incrementAndGet();
            moved.add(new Moved(campaignId, visitorKey, outside ? clock.instant() : null));
        }
    }

    /** Whether the queue for the database has room; when it has not, the change is deferred, counted and warned of. */
    private boolean roomToWrite() {
        if (unwritten.get() < maxUnwritten) {
            return true;
        }
        deferred.increment();
        long now = System.nanoTime();
        long last = lastWarned.get();
        if ((last == 0 || now - last > WARN_EVERY.toNanos()) && lastWarned.compareAndSet(last, now)) {
            log.warn("{} changes of the visitors campaigns keep wait for the database: new ones are deferred (counted"
                    + " in audiencehub.exposures.deferred) until it catches up", unwritten.get());
        }
        return false;
    }

    /** When the visitor entered each campaign that keeps it, as stored (what this hub decided last is stored within a second). */
    Map<Long, Instant> enteredAt(long visitorKey) {
        Map<Long, Instant> entered = new HashMap<>();
        store.ofVisitor(visitorKey).forEach(exposure -> entered.put(exposure.campaignId(), exposure.enteredAt()));
        return entered;
    }

    /** How many visitors the campaign keeps, on every hub. */
    long exposed(long campaignId) {
        return exposures.exposed(campaignId);
    }

    /** How many of them were last decided outside its segments, on every hub, as counted a few seconds ago. */
    long outsideSegments(long campaignId) {
        return outsideSegments.getOrDefault(campaignId, 0L);
    }

    /**
     * Forgets an erased visitor's exposures, in the erasure's transaction: here at once, on the other hubs
     * within a round.
     */
    @EventListener
    void onErased(VisitorIdErased erased) {
        long key = Exposures.visitorKey(erased.visitorId());
        store.forget(key, clock.instant());
        exposures.forget(key);
    }

    @Override
    protected void beforeFirstRound() {
        try {
            erasedUpTo = store.lastErased();
            follow();
            loaded = true;
        } catch (RuntimeException e) {
            log.error("Could not load the visitors campaigns keep; those campaigns decide nothing until they are", e);
        }
    }

    @Override
    protected void runOnce() {
        write();
        long before = followedUpTo;
        follow();
        loaded = true;
        boolean changed = before != followedUpTo;
        if (++round % ROUNDS_PER_COUNT == 0) {
            exposures.retainCampaigns(new HashSet<>(store.keepingCampaigns()));
            changed |= count();
        }
        if (changed) {
            events.publishEvent(new ExposuresChanged());
        }
    }

    @Override
    protected void afterLastRound() {
        write();
    }

    private void write() {
        List<Entered> entering = drain(entered);
        List<Moved> moving = drain(moved);
        if (entering.isEmpty() && moving.isEmpty()) {
            return;
        }
        try {
            ConflictRetry.executeWithoutResult(transaction, status -> {
                store.insert(entering);
                store.move(moving);
            });
            unwritten.addAndGet(-(entering.size() + moving.size()));
        } catch (RuntimeException e) {
            // kept for the next round, in order, before what decisions added meanwhile
            requeue(entered, entering);
            requeue(moved, moving);
            throw e;
        }
    }

    private void follow() {
        for (ExposureRepository.Erased erased : store.erasedAfter(erasedUpTo)) {
            exposures.forget(erased.visitorKey());
            erasedUpTo = erased.id();
        }
        List<StoredExposure> rows;
        do {
            rows = store.after(followedUpTo, FOLLOWED_PER_QUERY);
            for (StoredExposure row : rows) {
                exposures.keep(row.visitorKey(), row.campaignId(), Assignment.keyHash(row.variationKey()),
                        row.leftAt() != null, true);
                followedUpTo = row.id();
            }
        } while (rows.size() == FOLLOWED_PER_QUERY);
    }

    /** Counts again the visitors gone outside their campaigns' segments; whether the counts changed. */
    private boolean count() {
        Map<Long, Long> counted = new HashMap<>();
        store.outsideSegments(exposures.campaigns()).forEach(row -> counted.put(row.campaignId(), row.visitors()));
        Map<Long, Long> before = outsideSegments;
        outsideSegments = Map.copyOf(counted);
        return !outsideSegments.equals(before);
    }

    private static <T> List<T> drain(Queue<T> queue) {
        List<T> drained = new ArrayList<>();
        for (T next = queue.poll(); next != null; next = queue.poll()) {
            drained.add(next);
        }
        return drained;
    }

    private static <T> void requeue(Queue<T> queue, List<T> failed) {
        List<T> later = drain(queue);
        queue.addAll(failed);
        queue.addAll(later);
    }
}
