package io.audiencehub.base;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * When each {@link BackgroundLoop}, and {@link BackgroundTasks}, starts and stops. Spring starts
 * lifecycle beans from the lowest phase up and stops them in reverse; the web server starts at
 * {@code DEFAULT_PHASE - 2048} and begins its graceful shutdown at {@code DEFAULT_PHASE - 1024}. So, at
 * start-up: the visitor intake, then the audiences (loaded, writer elected), then the sync applier, then
 * the decision counts, then the web server takes requests. At shutdown the web server first finishes its
 * requests, the last refused deliveries and decision counts are written, the background tasks finish,
 * the applier finishes its page, the audiences count the last sightings and free the writer lease, and
 * the visitor intake writes the reports it accepted last, before the database goes away.
 */
public enum LoopOrder {

    /** Visitor reports are buffered and flushed: first up, last down, so no accepted report is lost. */
    VISITOR_INTAKE(SmartLifecycle.DEFAULT_PHASE - 4096, Duration.ofSeconds(10)),
    /** Audiences are loaded and the writer elected before anything applies or reads them. */
    AUDIENCES(SmartLifecycle.DEFAULT_PHASE - 3072, Duration.ofSeconds(10)),
    /** Stored sync pages are applied once the audiences are loaded, before deliveries arrive. */
    SYNC_APPLY(SmartLifecycle.DEFAULT_PHASE - 2560, Duration.ofSeconds(30)),
    /** Work handed off requests (CSV imports, sandbox exports) finishes before the applier it feeds stops. */
    BACKGROUND_TASKS(SmartLifecycle.DEFAULT_PHASE - 2432, Duration.ofSeconds(30)),
    /** Decisions counted in memory are written; it stops after the web server, so the last ones count. */
    DECISION_COUNTS(SmartLifecycle.DEFAULT_PHASE - 2304, Duration.ofSeconds(10)),
    /**
     * The visitors campaigns keep are loaded before the web server takes decisions, and what the last ones
     * changed is written after it stopped.
     */
    CAMPAIGN_EXPOSURES(SmartLifecycle.DEFAULT_PHASE - 2296, Duration.ofSeconds(10)),
    /** Refused deliveries counted in memory are written; it stops after the web server, as the counts do. */
    SYNC_REFUSALS(SmartLifecycle.DEFAULT_PHASE - 2300, Duration.ofSeconds(10));

    private final int phase;
    private final Duration patienceOnStop;

    LoopOrder(int phase, Duration patienceOnStop) {
        this.phase = phase;
        this.patienceOnStop = patienceOnStop;
    }

    int phase() {
        return phase;
    }

    /** How long stopping waits for a round in progress to finish. */
    Duration patienceOnStop() {
        return patienceOnStop;
    }
}
