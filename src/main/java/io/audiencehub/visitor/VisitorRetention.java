package io.audiencehub.visitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the visitors the tag has not reported within {@code audiencehub.visitors.retention}, on one
 * hub of a cluster, a batch per statement so that no transaction holds many locks; the audience writer's
 * next reconciliation stops counting them.
 */
@Component
class VisitorRetention {

    private static final Logger log = LoggerFactory.getLogger(VisitorRetention.class);
    private static final int VISITORS_PER_STATEMENT = 5_000;
    /** The Overview charts the last 48 hours of reports. */
    private static final Duration REPORT_HOURS_KEPT = Duration.ofDays(7);

    private final VisitorRepository visitors;
    private final Duration retention;
    private final Clock clock;

    VisitorRetention(VisitorRepository visitors, VisitorProperties settings, Clock clock) {
        this.visitors = visitors;
        this.retention = settings.retention();
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    @SchedulerLock(name = "visitor-retention", lockAtMostFor = "PT30M")
    void forgetUnseenOnOneHub() {
        forgetUnseen();
        visitors.deleteReportHoursBefore(clock.instant().minus(REPORT_HOURS_KEPT));
    }

    int forgetUnseen() {
        Instant before = clock.instant().minus(retention);
        int forgotten = 0;
        int deleted;
        do {
            deleted = visitors.deleteLastSeenBefore(before, VISITORS_PER_STATEMENT);
            forgotten += deleted;
        } while (deleted == VISITORS_PER_STATEMENT);
        if (forgotten > 0) {
            log.info("Forgot {} visitors not seen since {} (audiencehub.visitors.retention {})", forgotten, before,
                    retention);
        }
        return forgotten;
    }
}
