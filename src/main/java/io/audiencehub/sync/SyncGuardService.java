package io.audiencehub.sync;

import io.audiencehub.audience.VisitorIdErased;
import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.CurrentActor;
import io.audiencehub.sync.HeldRun.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guard on sudden audience changes ({@link SyncGuard}): each connector's thresholds, the runs it held,
 * and an admin's decision on each, every change and decision audited.
 */
@Service
public class SyncGuardService {

    private static final Logger log = LoggerFactory.getLogger(SyncGuardService.class);
    private static final int HOLDS_SHOWN = 50;

    /** A change of a connector's guard or a decision on a run it held: what, by whom, when. */
    public record AuditEntry(String what, String by, Instant at) {
    }

    private final SyncHoldRepository holds;
    private final SyncRepository sync;
    private final SyncPageApplier applier;
    private final CurrentActor actor;
    private final Clock clock;

    SyncGuardService(SyncHoldRepository holds, SyncRepository sync, SyncPageApplier applier, CurrentActor actor,
                     Clock clock) {
        this.holds = holds;
        this.sync = sync;
        this.applier = applier;
        this.actor = actor;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public SyncGuard guardOf(long connectorId) {
        return holds.guard(connectorId).orElse(SyncGuard.DEFAULT);
    }

    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.CONNECTORS_AUTHORITY + "')")
    @Transactional
    public SyncGuard setGuard(long connectorId, SyncGuard guard) {
        SyncGuard before = guardOf(connectorId);
        Instant now = clock.instant();
        holds.saveGuard(connectorId, guard, actor.name(), now);
        if (!before.equals(guard)) {
            holds.audit(connectorId, "guard changed from " + describe(before) + " to " + describe(guard), actor.name(),
                    now);
            log.info("Guard on sudden audience changes of connector {} changed by {}: {}", connectorId, actor.name(),
                    describe(guard));
        }
        return guard;
    }

    /** The connector's held runs, the latest first, those decided included. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<HeldRun> heldRuns(long connectorId) {
        return holds.holdsOf(connectorId, HOLDS_SHOWN);
    }

    /** Every run waiting for an admin, on every connector. */
    @Transactional(readOnly = true)
    public List<HeldRun> waiting() {
        return holds.waiting();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<AuditEntry> audit(long connectorId) {
        return holds.auditOf(connectorId, HOLDS_SHOWN);
    }

    /**
     * Approves a held run: the writer applies every page of it stored so far as one change, within a second,
     * and the audience's later runs follow.
     *
     * @throws IllegalStateException when it is no longer held (decided meanwhile)
     */
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.CONNECTORS_AUTHORITY + "')")
    @Transactional
    public HeldRun approve(long holdId) {
        HeldRun run = decide(holdId, Status.APPROVED, "approved");
        applier.nudgeAfterCommit();
        return run;
    }

    /**
     * Rejects a held run: its pages are discarded, nothing of it is ever applied, and the audience's later
     * runs follow.
     *
     * @throws IllegalStateException when it is no longer held (decided meanwhile)
     */
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.CONNECTORS_AUTHORITY + "')")
    @Transactional
    public HeldRun reject(long holdId) {
        HeldRun run = decide(holdId, Status.REJECTED, "rejected");
        sync.discardPending(run.connectorId(), run.syncTaskId(), "An admin (" + actor.name() + ") rejected this sync"
                + " run, which the guard on sudden audience changes held; nothing of it was applied.", clock.instant());
        applier.nudgeAfterCommit();
        return run;
    }

    private HeldRun decide(long holdId, Status to, String verb) {
        HeldRun held = holds.find(holdId).orElseThrow(() -> new IllegalArgumentException("holdId: no held sync run "
                + holdId + "; the Directory lists each connector's held runs"));
        Instant now = clock.instant();
        if (holds.decide(holdId, Status.HELD, to, actor.name(), now) != 1) {
            throw new IllegalStateException("The sync run of \"" + held.audience() + "\" (task " + held.syncTaskId()
                    + ") is no longer held: it was " + held.status().name().toLowerCase() + " meanwhile. Reload the page.");
        }
        holds.audit(held.connectorId(), verb + " the held sync task " + held.syncTaskId() + " of \"" + held.audience()
                + "\" (+" + held.added() + " / -" + held.removed() + " of " + held.membersBefore() + ")", actor.name(), now);
        log.info("Held sync task {} of connector {} {} by {}", held.syncTaskId(), held.connectorId(), verb, actor.name());
        return holds.find(holdId).orElseThrow();
    }

    /** An erased visitor's id leaves the samples of held runs, in the erasure's transaction. */
    @EventListener
    void onErased(VisitorIdErased erased) {
        holds.scrub(erased.visitorId());
    }

    private static String describe(SyncGuard guard) {
        return guard.enabled() ? "on (hold a run removing more than " + guard.maxRemovedPercent()
                + " % or growing an audience more than " + guard.maxGrowthFactor() + "x)" : "off";
    }
}
