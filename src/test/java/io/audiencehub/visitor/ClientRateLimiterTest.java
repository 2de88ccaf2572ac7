package io.audiencehub.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final ClientRateLimiter limiter = new ClientRateLimiter(10, 20, now::get);

    @Test
    void aClientMaySendItsBurstAtOnceThenTheSustainedRate() {
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1")).as("request %d of the burst", i + 1).isTrue();
        }
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();

        now.addAndGet(100_000_000); // 100 ms at 10 a second: one more
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
    }

    @Test
    void eachClientAddressHasItsOwnBucket() {
        for (int i = 0; i < 20; i++) {
            limiter.tryAcquire("10.0.0.1");
        }
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2")).isTrue();
    }
}
