package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import io.audiencehub.connector.ValidatedConnectors;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sync history is kept 90 days after a run's latest page, then deleted with its pages' record. */
class SyncHistoryRetentionTest extends IntegrationTest {

    @Autowired
    SyncHistoryRetention retention;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRunOlderThanTheRetentionIsDeletedWithItsPagesAndARecentOneIsKept() {
        String tokenId = UUID.randomUUID().toString();
        long connectorId = ValidatedConnectors.insert(jdbc, "Retention " + tokenId.substring(0, 8), tokenId, "env");
        WebhookDeliveries heap = new WebhookDeliveries(port);
        heap.send(WebhookDeliveries.page(tokenId, 91, "Old", "task-old", 1, 1, List.of("o1"), List.of()));
        heap.send(WebhookDeliveries.page(tokenId, 91, "Old", "task-new", 1, 1, List.of("o2"), List.of()));
        jdbc.sql("UPDATE sync_run SET last_page_at = NOW(3) - INTERVAL 91 DAY WHERE connector_id = ? AND sync_task_id = ?")
                .params(connectorId, "task-old").update();

        assertThat(retention.forgetOldRuns()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT sync_task_id FROM sync_run WHERE connector_id = ?").param(connectorId)
                .query(String.class).list()).containsExactly("task-new");
        assertThat(jdbc.sql("SELECT sync_task_id FROM sync_page WHERE connector_id = ?").param(connectorId)
                .query(String.class).list()).containsExactly("task-new");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_page_ids i JOIN sync_page p ON p.id = i.page_id"
                + " WHERE p.connector_id = ?").param(connectorId).query(Long.class).single())
                .as("the new run's ids only").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_page_ids WHERE page_id NOT IN (SELECT id FROM sync_page)")
                .query(Long.class).single()).as("the old run's ids went with its page").isZero();
        assertThat(jdbc.sql("SELECT member_count FROM audience WHERE connector_id = ?").param(connectorId)
                .query(Long.class).single()).as("the audience itself is untouched").isEqualTo(2);
    }
}
