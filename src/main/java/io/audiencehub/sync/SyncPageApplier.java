package io.audiencehub.sync;

import io.audiencehub.audience.AppliedChange;
import io.audiencehub.audience.AudienceChange;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.MemberBatch;
import io.audiencehub.base.BackgroundLoop;
import io.audiencehub.base.ConflictRetry;
import io.audiencehub.base.LoopOrder;
import io.audiencehub.sync.SyncRepository.AudienceOfPage;
import io.audiencehub.sync.SyncRepository.PendingPage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies stored pages one at a time, in arrival order, each in one transaction with its run's
 * counters: a page is applied completely or not at all. A page that fails stays stored and is retried
 * with a growing delay; later pages of the same audience wait behind it, while the pages of other
 * audiences go on, however many of its pages are queued.
 */
@Component
class SyncPageApplier extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(SyncPageApplier.class);
    private static final int BATCH = 20;
    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);
    private static final Duration CHECK_APPLIED_EVERY = Duration.ofMillis(100);

    /** A page that failed: when it may be tried again, and how often it failed. */
    private record Failure(int attempts, Instant retryAt) {
    }

    private final SyncRepository sync;
    private final AudienceService audiences;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<Long, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final Map<Long, Failure> failures = new HashMap<>();

    SyncPageApplier(SyncRepository sync, AudienceService audiences, TransactionTemplate transaction, Clock clock,
                    MeterRegistry metrics) {
        super("sync-apply", Duration.ofSeconds(1), LoopOrder.SYNC_APPLY, metrics);
        this.sync = sync;
        this.audiences = audiences;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Waits up to {@code timeout} for a stored page to be applied; true when it was. On the writer the
     * applier says so at once; on another hub, which stores pages the writer applies, the database does,
     * asked every {@code CHECK_APPLIED_EVERY}.
     */
    boolean awaitApplied(long pageId, Duration timeout) {
        CompletableFuture<Void> applied = waiting.computeIfAbsent(pageId, id -> new CompletableFuture<>());
        nudge();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!transaction.execute(status -> sync.applied(pageId)).orElse(false)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    applied.get(Math.min(left, CHECK_APPLIED_EVERY.toNanos()), TimeUnit.NANOSECONDS);
                    return true;
                } catch (TimeoutException e) {
                    // not applied here yet: ask the database again, the writer may be another hub
                }
            }
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.remove(pageId);
        }
    }

    /** Applies every pending page it can now; the loop runs it every second and when a page arrives. */
    @Override
    protected void runOnce() {
        if (!audiences.isWriter()) {
            return;
        }
        Set<AudienceOfPage> heldBack = new LinkedHashSet<>();
        List<PendingPage> pending;
        do {
            pending = transaction.execute(status -> sync.pending(BATCH, List.copyOf(heldBack)));
            for (PendingPage page : pending) {
                AudienceOfPage audience = new AudienceOfPage(page.connectorId(), page.audienceKey());
                if (!heldBack.contains(audience) && (!dueForRetry(page.id()) || !apply(page))) {
                    heldBack.add(audience);
                }
            }
        } while (pending.size() == BATCH);
    }

    private boolean apply(PendingPage page) {
        try {
            ConflictRetry.executeWithoutResult(transaction, status -> {
                Instant now = clock.instant();
                AppliedChange change = audiences.apply(new AudienceChange(page.connectorId(), page.audienceKey(),
                        page.audienceName(), MemberBatch.fromBytes(page.memberKeys(), page.addCount()), now,
                        page.replacesMembers()));
                sync.markApplied(page.id(), now);
                sync.countApplied(page.connectorId(), page.syncTaskId(), change.added(), change.removed(),
                        change.ignoredAdds(), change.ignoredRemoves(), now);
            });
        } catch (RuntimeException e) {
            recordFailure(page, e);
            return false;
        }
        failures.remove(page.id());
        CompletableFuture<Void> waiter = waiting.get(page.id());
        if (waiter != null) {
            waiter.complete(null);
        }
        return true;
    }

    private void recordFailure(PendingPage page, RuntimeException e) {
        int attempt = failures.containsKey(page.id()) ? failures.get(page.id()).attempts() + 1 : 1;
        Duration delay = Duration.ofSeconds(1L << Math.min(attempt, 6));
        delay = delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
        failures.put(page.id(), new Failure(attempt, clock.instant().plus(delay)));
        log.error("Could not apply sync page {} (task {}, attempt {}); retrying in {} s", page.id(),
                page.syncTaskId(), attempt, delay.toSeconds(), e);
        String error = "Applying page " + page.id() + " failed (attempt " + attempt + "): " + e.getMessage();
        transaction.executeWithoutResult(status -> sync.recordApplyFailure(page.id(), page.connectorId(),
                page.syncTaskId(), error.length() > 1000 ? error.substring(0, 1000) : error));
    }

    private boolean dueForRetry(long pageId) {
        Failure failure = failures.get(pageId);
        return failure == null || !clock.instant().isBefore(failure.retryAt());
    }
}
