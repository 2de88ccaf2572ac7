package io.audiencehub.audience;

import io.audiencehub.base.BackgroundLoop;
import io.audiencehub.base.LoopOrder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The audiences' background work. At start it loads the audiences, as the writer when no other
 * instance is, else as a standby. Every half second it renews the writer claim (taking over when the
 * writer went away) and, as the writer, counts queued first sightings. A standby reloads what the
 * writer stored every {@code audiencehub.audiences.standby-refresh-interval}.
 */
@Component
class AudienceLoop extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(AudienceLoop.class);

    private final WriterElection election;
    private final AudienceLoader loader;
    private final Reconciler reconciler;
    private final FirstSightings sightings;

    AudienceLoop(WriterElection election, AudienceLoader loader, Reconciler reconciler, FirstSightings sightings,
                 MeterRegistry metrics) {
        super("audience-writer", Duration.ofMillis(500), LoopOrder.AUDIENCES, metrics);
        this.election = election;
        this.loader = loader;
        this.reconciler = reconciler;
        this.sightings = sightings;
    }

    @Override
    protected void beforeFirstRound() {
        if (!election.renew(this::takeOver)) {
            log.warn("Another hub instance changes the audiences of this database: this one stores the deliveries"
                    + " it receives, which that instance applies, reloads what it stored every"
                    + " audiencehub.audiences.standby-refresh-interval, and takes over when it stops.");
            loader.load();
        }
    }

    @Override
    protected void runOnce() {
        if (election.renew(this::takeOver)) {
            sightings.write();
        }
    }

    @Override
    protected void afterLastRound() {
        if (election.isWriter()) {
            sightings.write();
        }
        election.resign();
    }

    /** Loads what the previous writer left and recounts, so counts are exact from the first change on. */
    void takeOver() {
        reconciler.recount(loader.load());
    }

    /** On an instance that is not the writer: lookups, reach and evaluations are at most this old. */
    @Scheduled(initialDelayString = "${audiencehub.audiences.standby-refresh-interval}",
            fixedDelayString = "${audiencehub.audiences.standby-refresh-interval}")
    void refreshStandby() {
        if (!election.isWriter()) {
            loader.load();
        }
    }
}
