package io.audiencehub.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Test
    void aLoopSurvivesErrorsAndExceptionsCountsThemAndRunsAgain() {
        AtomicInteger rounds = new AtomicInteger();
        BackgroundLoop loop = new BackgroundLoop("flaky", Duration.ofMillis(20), LoopOrder.SYNC_APPLY, metrics) {
            @Override
            protected void runOnce() {
                int round = rounds.incrementAndGet();
                if (round == 1) {
                    throw new OutOfMemoryError("a stand-in for any Error");
                }
                if (round == 2) {
                    throw new IllegalStateException("and any exception");
                }
            }
        };
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 4);
        } finally {
            loop.stop();
        }
        assertThat(metrics.counter("audiencehub.background.failures", "loop", "flaky").count()).isEqualTo(2);
    }

    @Test
    void startAndStopRunTheirHooksAroundTheRoundsAndANudgeRunsARoundAtOnce() {
        List<String> calls = new CopyOnWriteArrayList<>();
        BackgroundLoop loop = new BackgroundLoop("ordered", Duration.ofHours(1), LoopOrder.VISITOR_INTAKE, metrics) {
            @Override
            protected void beforeFirstRound() {
                calls.add("before");
            }

            @Override
            protected void runOnce() {
                calls.add("round");
            }

            @Override
            protected void afterLastRound() {
                calls.add("after");
            }
        };
        assertThat(loop.isRunning()).isFalse();
        loop.start();
        assertThat(loop.isRunning()).isTrue();
        loop.nudge();
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("round"));
        loop.stop();

        assertThat(calls).containsExactly("before", "round", "after");
        assertThat(loop.isRunning()).isFalse();
        assertThat(loop.getPhase()).isLessThan(LoopOrder.AUDIENCES.phase()).isLessThan(LoopOrder.SYNC_APPLY.phase());
        loop.nudge(); // after stop: ignored, not an error
    }
}
