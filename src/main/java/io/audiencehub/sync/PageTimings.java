package io.audiencehub.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Where a delivered page's time goes, step by step, as the timer {@code audiencehub.sync.page} by {@code phase},
 * with its median and 99th percentile: what an operator reads when deliveries slow down, and what
 * bench/segment-sync.sh prints as the profile of a page.
 */
@Component
class PageTimings {

    enum Phase {
        /** The body read from the connection, within its size and time limits. */
        READ,
        /** Its signature checked. */
        VERIFY,
        /** Parsed into one page, every id checked. */
        PARSE,
        /** Stored with its run's counts, committed. */
        STORE,
        /** The answer waiting for the writer to apply it (up to {@code apply-wait}). */
        WAIT,
        /** The writer's transaction applying it to its audience, on the hub that applies it. */
        APPLY,
        /** The whole delivery, from its first byte read to its answer. */
        ANSWER
    }

    private final Map<Phase, Timer> timers = new EnumMap<>(Phase.class);

    PageTimings(MeterRegistry metrics) {
        for (Phase phase : Phase.values()) {
            timers.put(phase, Timer.builder("audiencehub.sync.page")
                    .description("Time a delivered page spends in each step of being taken in")
                    .tag("phase", phase.name().toLowerCase(Locale.ROOT))
                    .publishPercentiles(0.5, 0.99)
                    .register(metrics));
        }
    }

    /** Records the phase that began at {@code startedAt} ({@link System#nanoTime()}); returns the time now. */
    long record(Phase phase, long startedAt) {
        long now = System.nanoTime();
        timers.get(phase).record(now - startedAt, TimeUnit.NANOSECONDS);
        return now;
    }
}
