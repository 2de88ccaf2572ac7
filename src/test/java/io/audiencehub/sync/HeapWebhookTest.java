package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.KnownVisitors;
import io.audiencehub.audience.MemberLookup;
import io.audiencehub.connector.ConnectorException;
import io.audiencehub.connector.HeapConnectedTest;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.visitor.VisitorService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** Heap's segment.users.sync deliveries over real HTTP into the receiver, and what they leave stored. */
@WithMockUser(username = "viewer", roles = "VIEWER")
class HeapWebhookTest extends HeapConnectedTest {

    @Autowired
    AudienceService audiences;
    @Autowired
    SyncService sync;
    @Autowired
    VisitorService visitors;
    @Autowired
    JdbcClient jdbc;

    private HeapDeliveries heap;
    private long segmentId;

    @BeforeEach
    void aSegment() {
        heap = new HeapDeliveries(port);
        segmentId = Math.abs(UUID.randomUUID().getMostSignificantBits() >> 12);
    }

    @Test
    void aFirstSyncCreatesTheAudienceAndItsCompleteRun() {
        HttpResponse<String> answer = heap.send(page("task-1", 1, 1, ids("a", 3), List.of()));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"applied\"");
        Audience audience = audience();
        assertThat(audience.name()).isEqualTo("Free Customers");
        assertThat(audience.memberCount()).isEqualTo(3);
        assertThat(audience.matchedCount()).isZero();
        assertThat(audience.available()).isFalse();
        SyncRun run = sync.run(connector.id(), "task-1").orElseThrow();
        assertThat(run).extracting(SyncRun::pagesReceived, SyncRun::pagesApplied, SyncRun::added, SyncRun::removed)
                .containsExactly(1, 1, 3L, 0L);
        assertThat(sync.statusOf(run)).isEqualTo(SyncRun.Status.COMPLETE);
        assertThat(run.duration()).isNotNull();
    }

    @Test
    void aRenamedSegmentFollowsHeapAndChangesMoveMembersInAndOut() {
        heap.send(page("task-1", 1, 1, List.of("a", "b", "c"), List.of()));
        HttpResponse<String> second = heap.send(HeapDeliveries.page(connector.tokenId(), segmentId, "Paying Customers",
                "task-2", 1, 1, List.of("c", "d"), List.of("a", "zz")));

        assertThat(second.statusCode()).isEqualTo(200);
        Audience audience = audience();
        assertThat(audience.name()).isEqualTo("Paying Customers");
        assertThat(audience.memberCount()).isEqualTo(3);
        assertThat(audiences.lookup(audience.id(), "a").member()).isFalse();
        assertThat(audiences.lookup(audience.id(), "d").member()).isTrue();
        assertThat(sync.run(connector.id(), "task-2").orElseThrow())
                .extracting(SyncRun::added, SyncRun::removed, SyncRun::ignoredAdds, SyncRun::ignoredRemoves)
                .containsExactly(1L, 1L, 1L, 1L);
        assertThat(audiences.page(connector.id(), "", false, 0, 10)).hasSize(1);
    }

    @Test
    void aRetriedPageIsAnsweredButNotAppliedAgain() {
        String body = page("task-1", 1, 2, List.of("a", "b"), List.of());
        heap.send(body);
        heap.send(page("task-1", 2, 2, List.of(), List.of("a")));

        HttpResponse<String> retried = heap.send(body);

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).contains("\"status\":\"duplicate\"");
        assertThat(audience().memberCount()).as("a stays out").isEqualTo(1);
        assertThat(sync.run(connector.id(), "task-1").orElseThrow())
                .extracting(SyncRun::pagesReceived, SyncRun::pagesApplied).containsExactly(2, 2);
    }

    @Test
    void pagesArrivingOutOfOrderCompleteTheRunOnceAllAreIn() {
        heap.send(page("task-1", 2, 3, List.of("b"), List.of()));
        heap.send(page("task-1", 3, 3, List.of("c"), List.of()));
        SyncRun partial = sync.run(connector.id(), "task-1").orElseThrow();
        assertThat(sync.statusOf(partial)).isEqualTo(SyncRun.Status.IN_PROGRESS);
        assertThat(partial.completedAt()).isNull();

        heap.send(page("task-1", 1, 3, List.of("a"), List.of()));

        SyncRun run = sync.run(connector.id(), "task-1").orElseThrow();
        assertThat(sync.statusOf(run)).isEqualTo(SyncRun.Status.COMPLETE);
        assertThat(run.added()).isEqualTo(3);
        assertThat(audience().memberCount()).isEqualTo(3);
    }

    @Test
    void anIdAddedAndRemovedInOnePageEndsUpOut() {
        heap.send(page("task-1", 1, 1, List.of("a", "b"), List.of("b")));

        Audience audience = audience();
        assertThat(audience.memberCount()).isEqualTo(1);
        assertThat(audiences.lookup(audience.id(), "b").member()).isFalse();
        assertThat(sync.run(connector.id(), "task-1").orElseThrow())
                .extracting(SyncRun::added, SyncRun::removed).containsExactly(2L, 1L);
    }

    @Test
    void concurrentPagesForOneAudienceAreAllApplied() throws Exception {
        int pages = 8;
        ExecutorService senders = Executors.newFixedThreadPool(pages);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int number = 1; number <= pages; number++) {
                String body = page("task-1", number, pages, ids("p" + number + "-", 500), List.of());
                answers.add(senders.submit(() -> heap.send(body)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
            }
        } finally {
            senders.shutdown();
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> sync.statusOf(sync.run(connector.id(), "task-1")
                .orElseThrow()) == SyncRun.Status.COMPLETE);
        assertThat(audience().memberCount()).isEqualTo(pages * 500L);
    }

    @Test
    void aFailureInTheMiddleOfAPageLeavesTheAudienceAsItWasAndThePageIsRetried() {
        heap.send(page("task-1", 1, 1, List.of("a", "b"), List.of()));
        Audience before = audience();
        jdbc.sql("RENAME TABLE audience_members TO audience_members_away").update();
        HttpResponse<String> answer;
        try {
            answer = heap.send(page("task-2", 1, 1, List.of("c", "d"), List.of("a")));
            assertThat(answer.statusCode()).as("the page is durable before the answer").isEqualTo(200);
            assertThat(answer.body()).contains("\"status\":\"queued\"");
            assertThat(audience()).isEqualTo(before);
            assertThat(audiences.lookup(before.id(), "a").member()).isTrue();
            assertThat(audiences.lookup(before.id(), "c").member()).isFalse();
            assertThat(sync.run(connector.id(), "task-2").orElseThrow().lastError()).contains("Applying page");
            assertThat(sync.statuses(List.of(connector.id())).get(connector.id()).health())
                    .isEqualTo(ConnectorSyncStatus.Health.FAILING);
        } finally {
            jdbc.sql("RENAME TABLE audience_members_away TO audience_members").update();
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> audience().memberCount() == 3);
        assertThat(audiences.lookup(before.id(), "a").member()).isFalse();
        assertThat(sync.statusOf(sync.run(connector.id(), "task-2").orElseThrow())).isEqualTo(SyncRun.Status.COMPLETE);
        assertThat(sync.statuses(List.of(connector.id())).get(connector.id()).health())
                .isEqualTo(ConnectorSyncStatus.Health.HEALTHY);
    }

    @Test
    void aSegmentWhosePagesKeepFailingDoesNotHoldUpTheSegmentsQueuedBehindIt() throws Exception {
        long failing = segmentId + 1;
        jdbc.sql("CREATE TRIGGER fail_segment_" + failing + " BEFORE INSERT ON audience FOR EACH ROW"
                + " IF NEW.segment_id = " + failing + " THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'this segment cannot be stored'; END IF").update();
        int queuedBehind = 25;
        ExecutorService senders = Executors.newFixedThreadPool(queuedBehind);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int number = 1; number <= queuedBehind; number++) {
                String body = HeapDeliveries.page(connector.tokenId(), failing, "Broken", "task-broken", number,
                        queuedBehind, List.of("x" + number), List.of());
                answers.add(senders.submit(() -> heap.send(body)));
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
            jdbc.sql("DELETE FROM sync_page WHERE connector_id = ? AND segment_id = ?").params(connector.id(), failing)
                    .update();
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
        assertThat(sync.statuses(List.of(connector.id())).get(connector.id()).health())
                .isEqualTo(ConnectorSyncStatus.Health.HEALTHY);

        jdbc.sql("UPDATE sync_run SET started_at = started_at - INTERVAL 6 HOUR,"
                + " last_page_at = last_page_at - INTERVAL 6 HOUR WHERE connector_id = ?").param(connector.id()).update();

        ConnectorSyncStatus status = sync.statuses(List.of(connector.id())).get(connector.id());
        assertThat(status.health()).isEqualTo(ConnectorSyncStatus.Health.STALE);
        assertThat(status.lastRun()).isEqualTo(SyncRun.Status.INCOMPLETE);
        assertThat(sync.statusOf(sync.run(connector.id(), "task-1").orElseThrow())).isEqualTo(SyncRun.Status.COMPLETE);
    }

    @Test
    void aConnectorWithAudiencesCannotBeDeleted() {
        heap.send(page("task-1", 1, 1, List.of("a"), List.of()));

        assertThatThrownBy(() -> HeapConnectorsForTests.asAdmin(security, () -> {
            connectors.delete(connector.id());
            return null;
        })).hasRootCauseInstanceOf(ConnectorException.class).rootCause().hasMessageContaining("1 audience");
    }

    private String page(String task, int number, int total, List<String> add, List<String> remove) {
        return HeapDeliveries.page(connector.tokenId(), segmentId, "Free Customers", task, number, total, add, remove);
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    private Audience audience() {
        List<Audience> found = audiences.page(connector.id(), "", false, 0, 10);
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
