package io.audiencehub.base;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The one way this product runs work in the background: a single named daemon thread that calls
 * {@link #runOnce()} every {@code interval}, and at once after {@link #nudge()}. The loop survives
 * anything {@code runOnce} throws, {@link Error}s included: it logs it, counts it in
 * {@code audiencehub.background.failures{loop}} and runs again at the next interval, so stored work
 * never waits for a restart.
 *
 * <p>Each loop is a {@link SmartLifecycle} bean whose {@link LoopOrder} fixes when it starts and stops
 * relative to the others and to the web server; {@link LoopOrder} is the one place that order is
 * written down.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

    private final String name;
    private final Duration interval;
    private final LoopOrder order;
    private final Counter failures;
    private volatile ScheduledExecutorService thread;

    protected BackgroundLoop(String name, Duration interval, LoopOrder order, MeterRegistry metrics) {
        this.name = name;
        this.interval = interval;
        this.order = order;
        this.failures = metrics.counter("audiencehub.background.failures", "loop", name);
    }

    /** One round of the loop's work; it may throw anything, the loop goes on. */
    protected abstract void runOnce();

    /** Runs on the starting thread before the first round, e.g. to load state; a failure here stops start-up. */
    protected void beforeFirstRound() {
    }

    /** Runs on the stopping thread after the last round has finished, e.g. to write what is left. */
    protected void afterLastRound() {
    }

    /** Asks for a round now instead of at the next interval. */
    public final void nudge() {
        ScheduledExecutorService running = thread;
        if (running != null && !running.isShutdown()) {
            running.execute(this::roundSurvivingFailures);
        }
    }

    private void roundSurvivingFailures() {
        try {
            runOnce();
        } catch (Throwable failure) {
            failures.increment();
            log.error("Background loop {} failed; it runs again in {} ms", name, interval.toMillis(), failure);
        }
    }

    @Override
    public final void start() {
        beforeFirstRound();
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(daemonThreadNamed(name));
        started.scheduleWithFixedDelay(this::roundSurvivingFailures, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        thread = started;
    }

    @Override
    public final void stop() {
        ScheduledExecutorService stopping = thread;
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(order.patienceOnStop().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Background loop {} did not finish its round within {} s", name,
                        order.patienceOnStop().toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            afterLastRound();
        } finally {
            thread = null;
        }
    }

    @Override
    public final boolean isRunning() {
        return thread != null;
    }

    @Override
    public final int getPhase() {
        return order.phase();
    }

    private static CustomizableThreadFactory daemonThreadNamed(String name) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(name + "-");
        threads.setDaemon(true);
        return threads;
    }
}
