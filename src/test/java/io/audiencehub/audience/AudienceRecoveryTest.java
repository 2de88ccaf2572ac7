package io.audiencehub.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.audiencehub.IntegrationTest;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.sync.WebhookDeliveries;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A change the database committed but memory never published (a publish that failed after the
 * commit, a commit whose outcome was unknown) is found, memory reloaded, and syncing goes on: the hub
 * never wedges on numbers the database already gave.
 */
@WithMockUser(username = "viewer", roles = "VIEWER")
class AudienceRecoveryTest extends IntegrationTest {

    @Autowired
    AudienceService audiences;
    @Autowired
    AudienceStore store;
    @Autowired
    AudienceRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry metrics;

    @Test
    void keysCommittedButNeverPublishedAreFoundAndTheNextPageIsAppliedAfterAReload() {
        pageAfterAnUnpublishedCommit(nextSequence -> repository.insertKeyChunk(nextSequence,
                new long[] {UUID.randomUUID().getMostSignificantBits() | 1}));
    }

    @Test
    void aVersionCommittedButNeverPublishedIsFoundAndTheNextPageIsAppliedAfterAReload() {
        pageAfterAnUnpublishedCommit(nextSequence -> { });
    }

    /** What a commit leaves in the database when memory never hears of it: its rows and a raised version. */
    private void pageAfterAnUnpublishedCommit(IntConsumer writeRows) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tokenId = UUID.randomUUID().toString();
        long connectorId = ValidatedConnectors.insert(jdbc, "Recovery " + suffix, tokenId, "Recovery " + suffix);
        WebhookDeliveries heap = new WebhookDeliveries(port);
        assertThat(heap.send(WebhookDeliveries.page(tokenId, 901, "Recovery", "task-1", 1, 1,
                List.of("first-" + suffix), List.of())).body()).contains("applied");
        double recoveries = metrics.counter("audiencehub.audiences.recoveries").count();

        writeRows.accept(store.nextSequence());
        jdbc.sql("UPDATE audience_writer SET version = version + 1 WHERE id = 1").update();
        jdbc.sql("""
                        INSERT INTO audience_change (version, term, changed_at, members_changed, counts_changed)
                        SELECT version, term, NOW(3), '', '' FROM audience_writer WHERE id = 1
                        """).update();

        var answer = heap.send(WebhookDeliveries.page(tokenId, 901, "Recovery", "task-2", 1, 1,
                List.of("second-" + suffix, "third-" + suffix), List.of("first-" + suffix)));

        assertThat(answer.statusCode()).isEqualTo(200);
        long audienceId = repository.page(connectorId, "", false, 0, 1).get(0).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> audiences.isMember(audienceId, "third-" + suffix));
        assertThat(store.behind()).isNull();
        assertThat(metrics.counter("audiencehub.audiences.recoveries").count()).isEqualTo(recoveries + 1);
        assertThat(audiences.isMember(audienceId, "second-" + suffix)).isTrue();
        assertThat(audiences.isMember(audienceId, "first-" + suffix)).isFalse();
        assertThat(audiences.find(audienceId).orElseThrow().memberCount()).isEqualTo(2);
        assertThat(store.version()).isEqualTo(
                jdbc.sql("SELECT version FROM audience_writer WHERE id = 1").query(Long.class).single());
    }
}
