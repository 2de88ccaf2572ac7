package io.audiencehub.sync;

import io.audiencehub.base.Workers;
import io.audiencehub.audience.AppliedChange;
import io.audiencehub.audience.AudienceChange;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.MemberKeys;
import io.audiencehub.sync.SyncRepository.PendingPage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies stored pages one at a time, in arrival order, each in one transaction with its run's
 * counters: a page is applied completely or not at all. A page that fails stays stored and is
 * retried with a growing delay; later pages of the same segment wait behind it, others go on.
 */
@Component
class SyncPageApplier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncPageApplier.class);
    private static final int BATCH = 20;
    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);

    private final SyncRepository sync;
    private final AudienceService audiences;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<Long, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final Map<Long, Instant> retryNotBefore = new ConcurrentHashMap<>();
    private final Map<Long, Integer> failures = new HashMap<>();
    private ScheduledExecutorService worker;

    SyncPageApplier(SyncRepository sync, AudienceService audiences, TransactionTemplate transaction, Clock clock) {
        this.sync = sync;
        this.audiences = audiences;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Waits up to {@code timeout} for a stored page to be applied; true when it was. */
    boolean awaitApplied(long pageId, Duration timeout) {
        CompletableFuture<Void> applied = waiting.computeIfAbsent(pageId, id -> new CompletableFuture<>());
        worker.execute(this::applyPendingQuietly);
        try {
            if (transaction.execute(status -> sync.applied(pageId)).orElse(false)) {
                return true;
            }
            applied.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.remove(pageId);
        }
    }

    /** Applies what is pending now; the worker also calls it every second for retries and leftovers. */
    void applyPending() {
        if (!audiences.isWriter()) {
            return;
        }
        List<PendingPage> pending;
        do {
            pending = transaction.execute(status -> sync.pending(BATCH));
            Set<String> blockedSegments = new HashSet<>();
            int applied = 0;
            for (PendingPage page : pending) {
                String segment = page.connectorId() + ":" + page.segmentId();
                if (blockedSegments.contains(segment) || !dueForRetry(page.id())) {
                    blockedSegments.add(segment);
                    continue;
                }
                if (apply(page)) {
                    applied++;
                } else {
                    blockedSegments.add(segment);
                }
            }
            if (applied == 0) {
                return;
            }
        } while (pending.size() == BATCH);
    }

    private boolean apply(PendingPage page) {
        try {
            transaction.executeWithoutResult(status -> {
                long[] keys = MemberKeys.decode(page.memberKeys());
                Instant now = clock.instant();
                AppliedChange change = audiences.apply(new AudienceChange(page.connectorId(), page.segmentId(),
                        page.segmentName(), Arrays.copyOfRange(keys, 0, page.addCount()),
                        Arrays.copyOfRange(keys, page.addCount(), keys.length), now));
                sync.markApplied(page.id(), now);
                sync.countApplied(page.connectorId(), page.syncTaskId(), change.added(), change.removed(),
                        change.ignoredAdds(), change.ignoredRemoves(), now);
            });
        } catch (RuntimeException e) {
            int attempt = failures.merge(page.id(), 1, Integer::sum);
            Duration delay = Duration.ofSeconds(1L << Math.min(attempt, 6));
            delay = delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
            retryNotBefore.put(page.id(), clock.instant().plus(delay));
            log.error("Could not apply sync page {} (task {}, attempt {}); retrying in {} s", page.id(),
                    page.syncTaskId(), attempt, delay.toSeconds(), e);
            String error = "Applying page " + page.id() + " failed (attempt " + attempt + "): " + e.getMessage();
            transaction.executeWithoutResult(status -> sync.recordApplyFailure(page.id(), page.connectorId(),
                    page.syncTaskId(), error.length() > 1000 ? error.substring(0, 1000) : error));
            return false;
        }
        failures.remove(page.id());
        retryNotBefore.remove(page.id());
        CompletableFuture<Void> waiter = waiting.get(page.id());
        if (waiter != null) {
            waiter.complete(null);
        }
        return true;
    }

    private boolean dueForRetry(long pageId) {
        Instant notBefore = retryNotBefore.get(pageId);
        return notBefore == null || !clock.instant().isBefore(notBefore);
    }

    private void applyPendingQuietly() {
        try {
            applyPending();
        } catch (RuntimeException e) {
            log.error("Applying pending sync pages failed", e);
        }
    }

    @Override
    public void start() {
        worker = Workers.singleThread("sync-apply");
        worker.scheduleWithFixedDelay(this::applyPendingQuietly, 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        Workers.stop(worker, Duration.ofSeconds(30));
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** After the audiences are loaded, before the web server takes deliveries. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
