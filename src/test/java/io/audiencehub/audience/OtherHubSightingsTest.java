package io.audiencehub.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.audiencehub.IntegrationTest;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.sync.WebhookDeliveries;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A visitor first seen by another hub of a cluster reaches this hub only as a registry row, with no
 * event here: the writer still counts it into the matched counts within seconds.
 */
class OtherHubSightingsTest extends IntegrationTest {

    @Autowired
    AudienceRepository audiences;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aVisitorAnotherHubStoredIsCountedWithinSeconds() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tokenId = UUID.randomUUID().toString();
        long connectorId = ValidatedConnectors.insert(jdbc, "Other hub " + suffix, tokenId, "Other hub " + suffix);
        String visitorId = "elsewhere-" + suffix;
        new WebhookDeliveries(port).send(WebhookDeliveries.page(tokenId, 901, "Elsewhere", "task-" + suffix, 1, 1,
                List.of(visitorId), List.of()));
        long audienceId = audiences.page(connectorId, "", false, 0, 1).get(0).id();
        assertThat(audiences.find(audienceId).orElseThrow().matchedCount()).isZero();

        // what another hub's flush writes
        jdbc.sql("INSERT INTO visitor (id, first_seen, last_seen) VALUES (:id, NOW(3), NOW(3))")
                .param("id", visitorId).update();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> audiences.find(audienceId).orElseThrow().matchedCount() == 1);
    }
}
