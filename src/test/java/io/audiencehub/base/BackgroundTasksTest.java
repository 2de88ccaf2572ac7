package io.audiencehub.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

class BackgroundTasksTest {

    private final SecurityContextHolderStrategy security = SecurityContextHolder.getContextHolderStrategy();
    private final BackgroundTasks tasks = new BackgroundTasks(security);

    @AfterEach
    void stop() {
        security.clearContext();
        tasks.stop();
    }

    @Test
    void aTaskRunsAsWhoeverHandedItOverAndAScheduleWithNoUserRunsAsNoOne() throws Exception {
        Authentication admin = UsernamePasswordAuthenticationToken.authenticated("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        security.setContext(new SecurityContextImpl(admin));
        assertThat(tasks.submit(() -> security.getContext().getAuthentication()).get(5, TimeUnit.SECONDS))
                .isEqualTo(admin);

        security.clearContext();
        AtomicReference<Authentication> seen = new AtomicReference<>(admin);
        CountDownLatch ran = new CountDownLatch(1);
        tasks.execute(() -> {
            seen.set(security.getContext().getAuthentication());
            ran.countDown();
        });
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen.get()).isNull();
    }

    @Test
    void stoppingLetsATaskInProgressFinish() throws Exception {
        tasks.start();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        tasks.execute(() -> {
            started.countDown();
            sleep(Duration.ofMillis(500));
            finished.set(true);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        tasks.stop();

        assertThat(finished).as("the task finished before stop returned").isTrue();
        assertThat(tasks.isRunning()).isFalse();
        assertThat(tasks.getPhase()).isGreaterThan(LoopOrder.SYNC_APPLY.phase())
                .as("stopped before the applier the CSV imports feed").isLessThan(LoopOrder.DECISION_COUNTS.phase());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
