package io.audiencehub.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.connector.HeapConnectedTest;
import io.audiencehub.connector.HeapConnectorsForTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run the sync guard holds opens an incident on its connector until an admin decides on it. */
class HeldRunAlertTest extends HeapConnectedTest {

    @Autowired
    AlertEvaluator evaluator;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aHeldRunIsAnIncidentOfItsConnectorUntilItIsDecided() {
        // what the sync guard stores when it holds a run (SyncGuardIntegrationTest holds real ones)
        long holdId = jdbc.sql("""
                        INSERT INTO sync_hold (connector_id, audience_key, audience_name, sync_task_id, members_before,
                                               added, removed, reason, held_at, status)
                        VALUES (?, '77', 'Buyers', 'task-9', 10, 0, 8, 'it would remove 8 of the audience''s 10 members'
                                ' (80 %, more than 50 %)', NOW(3), 'HELD')
                        RETURNING id
                        """).params(connector.id()).query(Long.class).single();

        assertThat(HeapConnectorsForTests.asAdmin(security, evaluator::current)).filteredOn(condition -> condition.subjectId() == connector.id()
                        && condition.kind() == IncidentKind.SYNC_HELD).singleElement()
                .satisfies(condition -> assertThat(condition.detail()).isEqualTo("a sync run of \"Buyers\" is held: it"
                        + " would remove 8 of the audience's 10 members (80 %, more than 50 %); approve or reject it in"
                        + " the Directory"));

        jdbc.sql("UPDATE sync_hold SET status = 'REJECTED' WHERE id = ?").params(holdId).update();
        assertThat(HeapConnectorsForTests.asAdmin(security, evaluator::current)).noneMatch(condition -> condition.kind() == IncidentKind.SYNC_HELD
                && condition.subjectId() == connector.id());
    }
}
