package io.audiencehub.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One instance per database changes audiences: a second one waits for the lock. */
class AudienceWriterLockTest extends IntegrationTest {

    @Autowired
    AudienceService audiences;
    @Autowired
    DataSource dataSource;

    @Test
    void theRunningHubHoldsTheLockAndASecondInstanceDoesNotGetIt() {
        assertThat(audiences.isWriter()).isTrue();
        AudienceWriterLock secondInstance = new AudienceWriterLock(dataSource);
        try {
            assertThat(secondInstance.acquire()).isFalse();
        } finally {
            secondInstance.release();
        }
    }
}
