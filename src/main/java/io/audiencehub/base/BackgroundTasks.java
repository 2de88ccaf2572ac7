package io.audiencehub.base;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Work handed off a request or a schedule to run meanwhile (a CSV file checked or imported, a sandbox
 * export sent): Spring's task executor, a few threads and a bounded queue, each task run as whoever
 * handed it over (their security context, or none for a schedule). Stopped in
 * {@link LoopOrder#BACKGROUND_TASKS}: a task in progress finishes before the sync applier and the
 * database stop. {@link BackgroundLoop} is for work that repeats; this is for work done once.
 */
@Component
public class BackgroundTasks implements SmartLifecycle {

    private static final int THREADS = 4;
    private static final int QUEUED = 100;

    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    private final DelegatingSecurityContextAsyncTaskExecutor asCaller;
    private volatile boolean running;

    BackgroundTasks(SecurityContextHolderStrategy securityContext) {
        pool.setCorePoolSize(THREADS);
        pool.setMaxPoolSize(THREADS);
        pool.setQueueCapacity(QUEUED);
        pool.setThreadNamePrefix("background-");
        pool.setDaemon(true);
        pool.setWaitForTasksToCompleteOnShutdown(true);
        pool.setAwaitTerminationSeconds((int) LoopOrder.BACKGROUND_TASKS.patienceOnStop().toSeconds());
        pool.initialize();
        asCaller = new DelegatingSecurityContextAsyncTaskExecutor(pool);
        asCaller.setSecurityContextHolderStrategy(securityContext);
    }

    /** Runs {@code work} as the current user; the future holds its result or what it threw. */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, asCaller);
    }

    /** Runs {@code work} as the current user, or as no one when there is none (a schedule's work). */
    public void execute(Runnable work) {
        asCaller.execute(work);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Lets the tasks in progress and queued finish, waiting at most the phase's patience. */
    @Override
    public void stop() {
        running = false;
        pool.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return LoopOrder.BACKGROUND_TASKS.phase();
    }
}
