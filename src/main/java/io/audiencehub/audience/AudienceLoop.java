package io.audiencehub.audience;

import io.audiencehub.base.BackgroundLoop;
import io.audiencehub.base.LoopOrder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audiences' background work. At start it loads the audiences, as the writer when no other
 * instance holds the lease, else as a standby. Every half second it extends or takes the writer lease
 * (taking over when the writer went away) and, as the writer, carries out erasures and lifts
 * ({@link ErasureApplier}), applies admins' always-in and always-out ids ({@link OverrideApplier}) and counts
 * first sightings; a standby follows the writer's changes
 * ({@link AudienceFollower}), so its decisions see a change within a round, and reads the erased
 * visitors' keys every 5 seconds, so that its visitor registry stores none of them. Memory that fell behind
 * the database ({@link AudienceStore#behind()}) is reloaded at the next round.
 */
@Component
class AudienceLoop extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(AudienceLoop.class);
    private static final Duration READ_SUPPRESSIONS_EVERY = Duration.ofSeconds(5);

    private final WriterElection election;
    private final AudienceLoader loader;
    private final Reconciler reconciler;
    private final FirstSightings sightings;
    private final AudienceFollower follower;
    private final ErasureApplier erasures;
    private final OverrideApplier overrides;
    private final SuppressedKeys suppressed;
    private final AudienceStore store;
    private final Counter recoveries;
    private final Clock clock;
    /** When this standby last read the erased visitors' keys, which the writer adds to as it erases. */
    private Instant suppressionsReadAt;

    AudienceLoop(WriterElection election, AudienceLoader loader, Reconciler reconciler, FirstSightings sightings,
                 AudienceFollower follower, ErasureApplier erasures, OverrideApplier overrides,
                 SuppressedKeys suppressed, AudienceStore store, Clock clock, MeterRegistry metrics) {
        super("audience-writer", Duration.ofMillis(500), LoopOrder.AUDIENCES, metrics);
        this.election = election;
        this.loader = loader;
        this.reconciler = reconciler;
        this.sightings = sightings;
        this.follower = follower;
        this.erasures = erasures;
        this.overrides = overrides;
        this.suppressed = suppressed;
        this.store = store;
        this.clock = clock;
        this.recoveries = Counter.builder("audiencehub.audiences.recoveries")
                .description("Reloads of the audiences after memory fell behind the database").register(metrics);
    }

    @Override
    protected void beforeFirstRound() {
        if (!election.renew(this::takeOver)) {
            log.warn("Another hub instance changes the audiences of this database: this one stores the deliveries"
                    + " it receives, which that instance applies, follows its changes, and takes over when its"
                    + " lease (audiencehub.audiences.writer-lease) runs out.");
            loader.load();
        }
    }

    @Override
    protected void runOnce() {
        if (store.behind() != null) {
            recover();
        }
        if (election.renew(this::takeOver)) {
            erasures.applyPending();
            overrides.applyPending();
            sightings.write();
            sightings.countOtherHubsSightings();
        } else {
            follower.follow();
            if (suppressionsReadAt == null || !clock.instant().isBefore(suppressionsReadAt.plus(READ_SUPPRESSIONS_EVERY))) {
                suppressed.load();
                suppressionsReadAt = clock.instant();
            }
        }
    }

    @Override
    protected void afterLastRound() {
        if (election.isWriter()) {
            sightings.write();
        }
        election.resign();
    }

    /**
     * Reloads memory that fell behind the database (a publish that failed after its commit, a commit of
     * unknown outcome), as a writer or a standby, so that the hub goes on instead of being wedged.
     */
    private void recover() {
        recoveries.increment();
        log.warn("Reloading the audiences from the database: {}", store.behind());
        if (election.isWriter()) {
            takeOver();
        } else {
            loader.load();
        }
    }

    /**
     * Nudges the writer, wherever it runs, and waits up to {@code timeout} for what an admin asked of it to be
     * done, asking {@code done} every 50 ms; true when it is.
     */
    boolean awaitWriter(BooleanSupplier done, Duration timeout) {
        nudge();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Loads what the previous writer left and recounts, so counts are exact from the first change on. */
    void takeOver() {
        suppressed.load();
        reconciler.recount(loader.load(), new RoaringBitmap());
    }
}
