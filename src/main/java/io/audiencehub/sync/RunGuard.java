package io.audiencehub.sync;

import io.audiencehub.audience.AppliedChange;
import io.audiencehub.sync.SyncRepository.PendingPage;
import io.audiencehub.sync.SyncRepository.RunCounts;
import java.util.BitSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The guard on sudden audience changes, as the applier meets it: a page's change is made in its transaction,
 * then weighed with what its run already applied against the audience before the run; a change that would
 * cross the connector's thresholds, on an audience a running campaign targets, is refused with {@link Held},
 * which rolls it back for the applier to hold the run.
 */
@Component
class RunGuard {

    /** The run crossed its connector's thresholds: nothing of the page was applied. */
    static final class Held extends RuntimeException {

        private final transient RunCounts run;
        private final long membersBefore;
        private final transient BitSet changing;

        private Held(String reason, long membersBefore, RunCounts run, BitSet changing) {
            super(reason, null, false, false);
            this.membersBefore = membersBefore;
            this.run = run;
            this.changing = changing;
        }

        long membersBefore() {
            return membersBefore;
        }

        /** What the run would bring in and leave out, with this page. */
        RunCounts run() {
            return run;
        }

        /** Which of the page's ids would have changed the audience, as {@link AppliedChange#changing}. */
        BitSet changing() {
            return changing;
        }
    }

    private final SyncHoldRepository holds;
    private final SyncRepository sync;
    // the campaigns decide on audiences that sync feeds: found when first needed, as they need sync to start
    private final ObjectProvider<AudiencesInUse> inUse;

    RunGuard(SyncHoldRepository holds, SyncRepository sync, ObjectProvider<AudiencesInUse> inUse) {
        this.holds = holds;
        this.sync = sync;
        this.inUse = inUse;
    }

    /**
     * @throws Held when the page's change, with what its run applied before, crosses the connector's thresholds
     */
    void check(PendingPage page, AppliedChange change) {
        AudiencesInUse use = inUse.getIfAvailable();
        if (use == null || !use.targetedByRunningCampaign(change.audienceId())) {
            return;
        }
        SyncGuard guard = holds.guard(page.connectorId()).orElse(SyncGuard.DEFAULT);
        if (!guard.enabled()) {
            return;
        }
        RunCounts before = sync.runCounts(page.connectorId(), page.syncTaskId());
        long runStart = change.memberCount() - change.added() + change.removed() - before.added() + before.removed();
        RunCounts run = new RunCounts(before.added() + change.added(), before.removed() + change.removed());
        String reason = guard.exceededBy(runStart, run.added(), run.removed());
        if (reason != null) {
            throw new Held(reason, runStart, run, change.changing());
        }
    }
}
