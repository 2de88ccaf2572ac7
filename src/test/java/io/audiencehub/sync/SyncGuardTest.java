package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The guard's thresholds: what is held, what passes, and settings out of range. */
class SyncGuardTest {

    private final SyncGuard guard = SyncGuard.DEFAULT;

    @Test
    void aRunRemovingMoreThanHalfIsHeldAndHalfPasses() {
        assertThat(guard.exceededBy(1_000, 0, 500)).isNull();
        assertThat(guard.exceededBy(1_000, 0, 501))
                .isEqualTo("it would remove 501 of the audience's 1,000 members (50 %, more than 50 %)");
        assertThat(guard.exceededBy(1_000, 600, 600)).as("a replacement that removes most of it")
                .startsWith("it would remove 600");
    }

    @Test
    void aRunGrowingAnAudienceMoreThanTenTimesIsHeldAndTenTimesPasses() {
        assertThat(guard.exceededBy(100, 900, 0)).isNull();
        assertThat(guard.exceededBy(100, 901, 0))
                .isEqualTo("it would take the audience from 100 to 1,001 members (10x, more than 10x)");
    }

    @Test
    void anEmptyAudienceFillsAndAGuardTurnedOffHoldsNothing() {
        assertThat(guard.exceededBy(0, 1_000_000, 0)).isNull();
        assertThat(new SyncGuard(false, 50, 10).exceededBy(1_000, 0, 1_000)).isNull();
        assertThat(new SyncGuard(true, 10, 2).exceededBy(1_000, 0, 101)).startsWith("it would remove 101");
        assertThat(new SyncGuard(true, 10, 2).exceededBy(1_000, 1_001, 0)).startsWith("it would take the audience");
    }

    @Test
    void settingsOutOfRangeSayWhichAndWhatIsAllowed() {
        assertThatThrownBy(() -> new SyncGuard(true, 0, 10)).hasMessageStartingWith("max_removed_percent: give 1 to 100");
        assertThatThrownBy(() -> new SyncGuard(true, 50, 1)).hasMessageStartingWith("max_growth_factor: give 2 to 1000");
    }
}
