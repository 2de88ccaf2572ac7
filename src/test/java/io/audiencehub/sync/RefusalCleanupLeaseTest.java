package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The cleanup of old refusals runs on one hub of a cluster at a time: not while another holds its lease. */
class RefusalCleanupLeaseTest extends IntegrationTest {

    @Autowired
    SyncService sync;
    @Autowired
    SyncRepository repository;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theCleanupSkipsARoundWhileAnotherHubHoldsItsLease() {
        Instant old = Instant.now().minus(Duration.ofDays(40));
        transaction.executeWithoutResult(status -> repository.addRefusals(List.of(new SyncRejection(old, old, null,
                "lease-test", 401, "an old refusal", 1, "192.0.2.7"))));
        JdbcTemplateLockProvider otherHub = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder().withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime()
                .withLockedByValue("another hub").build());
        Optional<SimpleLock> held = otherHub.lock(new LockConfiguration(Instant.now(), "sync-refusal-cleanup",
                Duration.ofMinutes(1), Duration.ZERO));
        assertThat(held).isPresent();
        try {
            sync.forgetOldRejections();
            assertThat(oldRefusals()).as("the other hub runs this round").isEqualTo(1);
        } finally {
            held.get().unlock();
        }
        sync.forgetOldRejections();
        assertThat(oldRefusals()).isZero();
    }

    private long oldRefusals() {
        return jdbc.sql("SELECT COUNT(*) FROM sync_refusal WHERE id_token = 'lease-test'").query(Long.class).single();
    }
}
