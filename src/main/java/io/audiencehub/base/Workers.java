package io.audiencehub.base;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The single background threads features run their periodic work on, named for thread dumps. */
public final class Workers {

    private Workers() {
    }

    /** One daemon thread called {@code name}: it never keeps the JVM alive on its own. */
    public static ScheduledExecutorService singleThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Stops taking work and waits up to {@code patience} for the work in progress. */
    public static void stop(ExecutorService worker, Duration patience) {
        worker.shutdown();
        try {
            worker.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
