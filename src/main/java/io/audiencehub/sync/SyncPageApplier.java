package io.audiencehub.sync;

import io.audiencehub.audience.AppliedChange;
import io.audiencehub.audience.AudienceChange;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.MemberBatch;
import io.audiencehub.audience.MemberSet;
import io.audiencehub.base.BackgroundLoop;
import io.audiencehub.base.ConflictRetry;
import io.audiencehub.base.LoopOrder;
import io.audiencehub.sync.SyncRepository.AudienceOfPage;
import io.audiencehub.sync.SyncRepository.PendingPage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies stored pages one at a time, in arrival order, each in one transaction with its run's
 * counters: a page is applied completely or not at all. A page that fails stays stored and is retried
 * with a growing delay; later pages of the same audience wait behind it, while the pages of other
 * audiences go on, however many of its pages are queued. A run the guard on sudden audience changes holds
 * ({@link RunGuard}) stays stored, unapplied, with the audience's later pages behind it, until an admin
 * approves it (applied as one change) or rejects it (discarded).
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
    private final SyncHoldRepository holds;
    private final RunGuard guard;
    private final AudienceService audiences;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PageTimings timings;
    private final Map<Long, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final Map<Long, Failure> failures = new HashMap<>();

    SyncPageApplier(SyncRepository sync, SyncHoldRepository holds, RunGuard guard, AudienceService audiences,
                    TransactionTemplate transaction, Clock clock, PageTimings timings, MeterRegistry metrics) {
        super("sync-apply", Duration.ofSeconds(1), LoopOrder.SYNC_APPLY, metrics);
        this.timings = timings;
        this.holds = holds;
        this.guard = guard;
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

    /** Runs a round once the current transaction commits: an admin's decision on a held run takes effect at once. */
    void nudgeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    nudge();
                }
            });
        } else {
            nudge();
        }
    }

    /** Applies every pending page it can now; the loop runs it every second and when a page arrives. */
    @Override
    protected void runOnce() {
        if (!audiences.isWriter()) {
            return;
        }
        Set<AudienceOfPage> heldBack = new LinkedHashSet<>();
        // the pages of a replacing sync are applied with the first of them met; the others are done then
        Set<String> doneTogether = new HashSet<>();
        List<PendingPage> pending;
        do {
            pending = transaction.execute(status -> sync.pending(BATCH, List.copyOf(heldBack)));
            for (PendingPage page : pending) {
                AudienceOfPage audience = new AudienceOfPage(page.connectorId(), page.audienceKey());
                String task = page.connectorId() + "/" + page.syncTaskId();
                if (heldBack.contains(audience) || doneTogether.contains(task)) {
                    continue;
                }
                if (page.replacesTogether() ? applyTogether(page) && doneTogether.add(task)
                        : dueForRetry(page.id()) && apply(page)) {
                    continue;
                }
                heldBack.add(audience);
            }
        } while (pending.size() == BATCH);
    }

    private boolean apply(PendingPage page) {
        Optional<HeldRun> hold = transaction.execute(status -> holds.holdOfTask(page.connectorId(), page.syncTaskId()));
        if (hold.isPresent() && hold.get().status() == HeldRun.Status.REJECTED) {
            // pages of a rejected run that arrived after it was rejected: never applied either
            discardRejected(page);
            return true;
        }
        if (hold.isPresent()) {
            return applyApproved(page, hold.get());
        }
        return applied(page, List.of(page), status -> applyPage(page, clock.instant(), true));
    }

    private void applyPage(PendingPage page, Instant now, boolean guarded) {
        MemberBatch members = MemberBatch.fromBytes(page.memberKeys(), page.addCount());
        AppliedChange change = audiences.apply(new AudienceChange(page.connectorId(), page.audienceKey(),
                page.audienceName(), members, now, page.replacesMembers()));
        if (guarded) {
            guard.check(page, change);
        }
        keepChangingIds(page.id(), members.addCount() + members.removeCount(), change.changing(), 0);
        sync.markApplied(page.id(), bytesOf(change.entered()), bytesOf(change.left()), now);
        sync.countApplied(page.connectorId(), page.syncTaskId(), change, true, now);
    }

    /**
     * The pages of a run an admin approved, all those stored so far, as one change (pages arriving after it
     * are applied unguarded as they come: the run was approved).
     */
    private boolean applyApproved(PendingPage page, HeldRun hold) {
        List<PendingPage> pages = transaction.execute(status -> sync.pendingOfTask(page.connectorId(), page.syncTaskId()));
        if (pages.isEmpty()) {
            return true;
        }
        return applied(page, pages, status -> {
            Instant now = clock.instant();
            if (page.replacesTogether()) {
                applyTaskTogether(page, pages, now, false);
            } else {
                pages.forEach(each -> applyPage(each, now, false));
            }
            if (hold.status() == HeldRun.Status.APPROVED) {
                holds.decide(hold.id(), HeldRun.Status.APPROVED, HeldRun.Status.APPLIED, null, null);
                log.info("Applied the held sync task {} of connector {} as one change, as {} approved", hold.syncTaskId(),
                        hold.connectorId(), hold.decidedBy());
            }
        });
    }

    private void discardRejected(PendingPage page) {
        transaction.executeWithoutResult(status -> sync.discardPending(page.connectorId(), page.syncTaskId(),
                "An admin rejected this sync run, which the guard on sudden audience changes held; nothing of it"
                        + " was applied.", clock.instant()));
    }

    /**
     * A page of a replacing sync of several pages (Mixpanel's {@code members}): once every page of its task
     * arrived, all of them replace the audience's members as one change, and until then the previous members
     * stay; true when they were applied. A task a later sync of the same audience overtook before it was
     * whole is given up, so that it holds nothing back: the source sends its members again.
     */
    private boolean applyTogether(PendingPage page) {
        if (transaction.execute(status -> sync.pagesReceived(page.connectorId(), page.syncTaskId())) < page.totalPages()) {
            if (!transaction.execute(status -> sync.laterTaskOfAudience(page))) {
                return false;
            }
            log.warn("Gave up sync task {} of connector {}: a later sync of the audience arrived before all its pages",
                    page.syncTaskId(), page.connectorId());
            transaction.executeWithoutResult(status -> sync.discardPending(page.connectorId(), page.syncTaskId(),
                    "A later sync of the audience arrived before every page of this one; nothing of it was applied.",
                    clock.instant()));
            return true;
        }
        if (!dueForRetry(page.id())) {
            return false;
        }
        Optional<HeldRun> hold = transaction.execute(status -> holds.holdOfTask(page.connectorId(), page.syncTaskId()));
        if (hold.isPresent() && hold.get().status() == HeldRun.Status.REJECTED) {
            discardRejected(page);
            return true;
        }
        if (hold.isPresent()) {
            return applyApproved(page, hold.get());
        }
        List<PendingPage> pages = transaction.execute(status -> sync.pendingOfTask(page.connectorId(), page.syncTaskId()));
        if (pages.isEmpty()) {
            return true;
        }
        return applied(page, pages, status -> applyTaskTogether(page, pages, clock.instant(), true));
    }

    private void applyTaskTogether(PendingPage page, List<PendingPage> pages, Instant now, boolean guarded) {
        AppliedChange change = audiences.apply(new AudienceChange(page.connectorId(), page.audienceKey(),
                page.audienceName(), MemberBatch.additionsOf(pages.stream()
                .map(each -> MemberBatch.fromBytes(each.memberKeys(), each.addCount())).toList()), now, true));
        if (guarded) {
            guard.check(page, change);
        }
        int from = 0;
        for (int i = 0; i < pages.size(); i++) {
            keepChangingIds(pages.get(i).id(), pages.get(i).addCount(), change.changing(), from);
            from += pages.get(i).addCount();
            boolean last = i == pages.size() - 1;
            sync.markApplied(pages.get(i).id(), last ? bytesOf(change.entered()) : null,
                    last ? bytesOf(change.left()) : null, now);
            sync.countApplied(page.connectorId(), page.syncTaskId(), change, last, now);
        }
    }

    /**
     * Keeps only the page's ids that changed the audience: those at the positions set in {@code changing}, the
     * page's first id being at {@code from}. Untouched when every id changed it, the usual first sync.
     */
    private void keepChangingIds(long pageId, int ids, BitSet changing, int from) {
        if (changing.get(from, from + ids).cardinality() < ids) {
            PageIds sent = sync.pageIds(pageId);
            if (sent.size() == ids) {
                sync.replacePageIds(pageId, sent.at(changing, from));
            }
        }
    }

    /** What the page keeps of a set of members it changed: nothing for none. */
    private static byte[] bytesOf(MemberSet members) {
        return members.isEmpty() ? null : members.toBytes();
    }

    /** Runs {@code work} in one transaction; true when it committed, and then {@code pages} are told applied. */
    private boolean applied(PendingPage first, List<PendingPage> pages, Consumer<TransactionStatus> work) {
        long started = System.nanoTime();
        try {
            ConflictRetry.executeWithoutResult(transaction, work);
        } catch (RunGuard.Held held) {
            hold(first, pages, held);
            return false;
        } catch (RuntimeException e) {
            recordFailure(first, e);
            return false;
        }
        if (pages.size() == 1) {
            timings.record(PageTimings.Phase.APPLY, started);
        }
        for (PendingPage page : pages) {
            failures.remove(page.id());
            CompletableFuture<Void> waiter = waiting.get(page.id());
            if (waiter != null) {
                waiter.complete(null);
            }
        }
        return true;
    }

    /**
     * Holds the run: nothing of it was applied, its pages stay stored, and the audience's later pages wait
     * behind it; whoever waits for its pages is answered at once that they are stored.
     */
    private void hold(PendingPage first, List<PendingPage> pages, RunGuard.Held held) {
        PageIds changed = transaction.execute(status -> {
            PageIds sent = sync.pageIds(first.id());
            return sent.size() == 0 ? PageIds.NONE : sent.at(held.changing(), 0);
        });
        HeldRun run = new HeldRun(0, first.connectorId(), first.audienceKey(), first.audienceName(), first.syncTaskId(),
                held.membersBefore(), held.run().added(), held.run().removed(), held.getMessage(),
                sample(changed.added()), sample(changed.removed()), clock.instant(), HeldRun.Status.HELD, null, null);
        long holdId = transaction.execute(status -> {
            long id = holds.insertHold(run);
            holds.audit(first.connectorId(), "held sync task " + first.syncTaskId() + " of \"" + first.audienceName()
                    + "\": " + held.getMessage(), "guard", run.heldAt());
            return id;
        });
        log.warn("Held sync task {} of connector {} for audience \"{}\" (hold {}): {}; an admin approves or rejects it"
                + " in the Directory", first.syncTaskId(), first.connectorId(), first.audienceName(), holdId,
                held.getMessage());
        for (PendingPage page : pages) {
            CompletableFuture<Void> waiter = waiting.get(page.id());
            if (waiter != null) {
                waiter.completeExceptionally(held);
            }
        }
    }

    private static List<String> sample(List<String> ids) {
        return List.copyOf(ids.subList(0, Math.min(ids.size(), HeldRun.SAMPLE_SIZE)));
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
