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

    @Test
    void aFloodOfAddressesKeepsAtMostTheBoundAndNeverResetsAClientStillSending() {
        for (int i = 0; i < 20; i++) {
            limiter.tryAcquire("10.0.0.1");
        }
        for (int i = 0; i < 2 * ClientRateLimiter.MAX_CLIENTS; i++) {
            limiter.tryAcquire("172.16." + (i >> 16) + "." + (i & 0xFFFF));
            if (i % 1_000 == 0) {
                assertThat(limiter.tryAcquire("10.0.0.1")).as("the limited client after %d other addresses", i)
                        .isFalse();
            }
        }
        assertThat(limiter.clients()).isLessThanOrEqualTo(ClientRateLimiter.MAX_CLIENTS);
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
    }

    @Test
    void anIpv6ClientIsLimitedByItsSlash64Network() {
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire("2001:db8:1:2::" + Integer.toHexString(i + 1))).isTrue();
        }
        assertThat(limiter.tryAcquire("2001:db8:1:2:ffff:ffff:ffff:ffff")).as("same /64").isFalse();
        assertThat(limiter.tryAcquire("2001:db8:1:3::1")).as("another /64").isTrue();
    }

    @Test
    void aBucketThatWouldHaveRefilledIsForgotten() {
        for (int i = 0; i < 1_000; i++) {
            limiter.tryAcquire("10.1.0." + i);
        }
        now.addAndGet(2_000_000_001L); // a burst of 20 at 10 a second refills in 2 s

        assertThat(limiter.tryAcquire("10.2.0.1")).isTrue();
        assertThat(limiter.clients()).isEqualTo(1);
    }
}
