package io.audiencehub.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the sync runs whose latest page arrived longer ago than {@code audiencehub.sync.history.retention},
 * with their pages' record, on one hub of a cluster, a batch of runs per transaction.
 */
@Component
class SyncHistoryRetention {

    private static final Logger log = LoggerFactory.getLogger(SyncHistoryRetention.class);
    private static final int RUNS_PER_BATCH = 500;

    private final SyncRepository runs;
    private final SyncHistoryProperties settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SyncHistoryRetention(SyncRepository runs, SyncHistoryProperties settings, TransactionTemplate transaction,
                         Clock clock) {
        this.runs = runs;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    @SchedulerLock(name = "sync-history-retention", lockAtMostFor = "PT30M")
    void forgetOldRunsOnOneHub() {
        forgetOldRuns();
    }

    int forgetOldRuns() {
        Instant before = clock.instant().minus(settings.retention());
        int forgotten = 0;
        int deleted;
        do {
            deleted = transaction.execute(status -> runs.deleteRuns(runs.runsWithLastPageBefore(before, RUNS_PER_BATCH)));
            forgotten += deleted;
        } while (deleted == RUNS_PER_BATCH);
        if (forgotten > 0) {
            log.info("Deleted {} sync runs whose latest page arrived before {} (audiencehub.sync.history.retention {})",
                    forgotten, before, settings.retention());
        }
        return forgotten;
    }
}
