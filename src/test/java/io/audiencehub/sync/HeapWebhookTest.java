package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.audiencehub.audience.Audience;
import io.audiencehub.audience.KnownVisitors;
import io.audiencehub.audience.MemberLookup;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorException;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.sandbox.heap.SandboxOAuthService;
import io.audiencehub.visitor.VisitorService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Heap's segment.users.sync deliveries over real HTTP: the delivery conformance, and how the applier
 * copes with failures, counts matched visitors and judges a connector's health.
 */
class HeapWebhookTest extends WebhookDeliveryConformance {

    @Autowired
    SandboxOAuthService sandbox;
    @Autowired
    VisitorService visitors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry metrics;

    @Override
    protected WebhookReceiverFixture connect() {
        Connector connector = HeapConnectorsForTests.connect(heapAuthorization, connectors, sandbox, security, port);
        return new WebhookReceiverFixture(new WebhookDeliveries(port), connector.id(), connector.tokenId(),
                "no validated Heap connector");
    }

    @Test
    void eachStepOfTakingInAPageIsTimedForTheOperator() {
        Map<String, Long> before = pagesTimedByPhase();

        assertThat(heap.send(page("task-timed", 1, 1, List.of("a", "b"), List.of())).body()).contains("applied");

        Map<String, Long> after = pagesTimedByPhase();
        assertThat(after.keySet()).containsExactlyInAnyOrder("read", "verify", "parse", "store", "wait", "apply",
                "answer");
        after.forEach((phase, count) -> assertThat(count).as(phase).isEqualTo(before.getOrDefault(phase, 0L) + 1));
    }

    private Map<String, Long> pagesTimedByPhase() {
        return metrics.find("audiencehub.sync.page").timers().stream()
                .collect(Collectors.toMap(timer -> timer.getId().getTag("phase"), Timer::count));
    }

    @Test
    void aFailureInTheMiddleOfAPageLeavesTheAudienceAsItWasAndThePageIsRetried() {
        heap.send(page("task-1", 1, 1, List.of("a", "b"), List.of()));
        Audience before = audience();
        jdbc.sql("RENAME TABLE audience_members_part TO audience_members_away").update();
        HttpResponse<String> answer;
        try {
            answer = heap.send(page("task-2", 1, 1, List.of("c", "d"), List.of("a")));
            assertThat(answer.statusCode()).as("the page is durable before the answer").isEqualTo(200);
            assertThat(answer.body()).contains("\"status\":\"queued\"");
            assertThat(audience()).isEqualTo(before);
            assertThat(audiences.lookup(before.id(), "a").member()).isTrue();
            assertThat(audiences.lookup(before.id(), "c").member()).isFalse();
            assertThat(sync.run(receiver.connectorId(), "task-2").orElseThrow().lastError()).contains("Applying page");
            assertThat(sync.statuses(List.of(receiver.connectorId())).get(receiver.connectorId()).health())
                    .isEqualTo(ConnectorSyncStatus.Health.FAILING);
        } finally {
            jdbc.sql("RENAME TABLE audience_members_away TO audience_members_part").update();
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> audience().memberCount() == 3);
        assertThat(audiences.lookup(before.id(), "a").member()).isFalse();
        assertThat(sync.statusOf(sync.run(receiver.connectorId(), "task-2").orElseThrow())).isEqualTo(SyncRun.Status.COMPLETE);
        assertThat(sync.statuses(List.of(receiver.connectorId())).get(receiver.connectorId()).health())
                .isEqualTo(ConnectorSyncStatus.Health.HEALTHY);
    }

    @Test
    void aSegmentWhosePagesKeepFailingDoesNotHoldUpTheSegmentsQueuedBehindIt() throws Exception {
        long failing = segmentId + 1;
        jdbc.sql("CREATE TRIGGER fail_segment_" + failing + " BEFORE INSERT ON audience FOR EACH ROW"
                + " IF NEW.audience_key = '" + failing + "' THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'this segment cannot be stored'; END IF").update();
        int queuedBehind = 25;
        ExecutorService senders = Executors.newFixedThreadPool(queuedBehind);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int number = 1; number <= queuedBehind; number++) {
                String body = WebhookDeliveries.page(receiver.tokenId(), failing, "Broken", "task-broken", number,
                        queuedBehind, List.of("x" + number), List.of());
                String address = "192.0.2." + number;
                answers.add(senders.submit(() -> heap.sendAs(address, body)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().body()).contains("\"status\":\"queued\"");
            }

            HttpResponse<String> other = heap.send(page("task-1", 1, 1, List.of("a"), List.of()));

            assertThat(other.body()).as("more pages of the failing segment are queued than one batch holds")
                    .contains("\"status\":\"applied\"");
            assertThat(audience().memberCount()).isEqualTo(1);
        } finally {
            senders.shutdown();
            jdbc.sql("DROP TRIGGER fail_segment_" + failing).update();
            jdbc.sql("DELETE FROM sync_page WHERE connector_id = ? AND audience_key = ?")
                    .params(receiver.connectorId(), Long.toString(failing)).update();
        }
    }

    @Test
    void matchedCountsFollowVisitorsSeenBeforeAndAfterTheAudience() {
        String before = "seen-before-" + UUID.randomUUID().toString().substring(0, 8);
        String after = "seen-after-" + UUID.randomUUID().toString().substring(0, 8);
        KnownVisitors.see(visitors, audiences, before);

        heap.send(page("task-1", 1, 1, List.of(before, after, "never-seen"), List.of()));
        assertThat(audience().matchedCount()).isEqualTo(1);
        assertThat(audience().available()).isTrue();

        KnownVisitors.see(visitors, audiences, after);
        assertThat(audience().matchedCount()).isEqualTo(2);
        MemberLookup lookup = audiences.lookup(audience().id(), after);
        assertThat(lookup).isEqualTo(new MemberLookup(true, true));

        heap.send(page("task-2", 1, 1, List.of(), List.of(before)));
        assertThat(audience()).extracting(Audience::memberCount, Audience::matchedCount).containsExactly(2L, 1L);
        assertThat(audiences.reconcile().countsFixed()).as("incremental counts equal a recount").isZero();
    }

    @Test
    void reconciliationFixesDriftedCounts() {
        heap.send(page("task-1", 1, 1, List.of("a", "b"), List.of()));
        jdbc.sql("UPDATE audience SET member_count = 7 WHERE id = ?").param(audience().id()).update();

        assertThat(audiences.reconcile().countsFixed()).isPositive();
        assertThat(audience().memberCount()).isEqualTo(2);
    }

    @Test
    void aRecurringSyncThatStopsMakesTheConnectorStaleAndARunMissingPagesIncomplete() {
        heap.send(page("task-1", 1, 1, List.of("a"), List.of()));
        heap.send(page("task-2", 1, 2, List.of("b"), List.of()));
        assertThat(sync.statuses(List.of(receiver.connectorId())).get(receiver.connectorId()).health())
                .isEqualTo(ConnectorSyncStatus.Health.HEALTHY);

        jdbc.sql("UPDATE sync_run SET started_at = started_at - INTERVAL 6 HOUR,"
                + " last_page_at = last_page_at - INTERVAL 6 HOUR WHERE connector_id = ?").param(receiver.connectorId()).update();

        ConnectorSyncStatus status = sync.statuses(List.of(receiver.connectorId())).get(receiver.connectorId());
        assertThat(status.health()).isEqualTo(ConnectorSyncStatus.Health.STALE);
        assertThat(status.lastRun()).isEqualTo(SyncRun.Status.INCOMPLETE);
        assertThat(sync.statusOf(sync.run(receiver.connectorId(), "task-1").orElseThrow())).isEqualTo(SyncRun.Status.COMPLETE);
    }

    @Test
    void aConnectorWithAudiencesCannotBeDeleted() {
        heap.send(page("task-1", 1, 1, List.of("a"), List.of()));

        assertThatThrownBy(() -> HeapConnectorsForTests.asAdmin(security, () -> {
            connectors.delete(receiver.connectorId());
            return null;
        })).hasRootCauseInstanceOf(ConnectorException.class).rootCause().hasMessageContaining("1 audience");
    }
}
