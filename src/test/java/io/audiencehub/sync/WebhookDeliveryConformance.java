package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.audiencehub.IntegrationTest;
import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.ConnectorService;
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
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Pages delivered over real HTTP and what they leave stored: the conformance every source's receiver
 * passes (Heap's, a custom source's): first syncs, renames, retries answered but not applied again,
 * pages out of order, concurrent pages.
 */
@WithMockUser(username = "viewer", roles = "VIEWER")
abstract class WebhookDeliveryConformance extends IntegrationTest {

    @Autowired
    protected AudienceService audiences;
    @Autowired
    protected SyncService sync;
    @Autowired
    protected ConnectorService connectors;
    @Autowired
    protected SecurityContextHolderStrategy security;

    protected WebhookReceiverFixture receiver;
    protected WebhookDeliveries heap;
    protected long segmentId;

    /** A validated connector of the source under test. */
    protected abstract WebhookReceiverFixture connect();

    @BeforeEach
    void aSegment() {
        receiver = connect();
        heap = receiver.deliveries();
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
        SyncRun run = sync.run(receiver.connectorId(), "task-1").orElseThrow();
        assertThat(run).extracting(SyncRun::pagesReceived, SyncRun::pagesApplied, SyncRun::added, SyncRun::removed)
                .containsExactly(1, 1, 3L, 0L);
        assertThat(sync.statusOf(run)).isEqualTo(SyncRun.Status.COMPLETE);
        assertThat(run.duration()).isNotNull();
    }

    @Test
    void aRenamedSegmentFollowsHeapAndChangesMoveMembersInAndOut() {
        heap.send(page("task-1", 1, 1, List.of("a", "b", "c"), List.of()));
        HttpResponse<String> second = heap.send(WebhookDeliveries.page(receiver.tokenId(), segmentId, "Paying Customers",
                "task-2", 1, 1, List.of("c", "d"), List.of("a", "zz")));

        assertThat(second.statusCode()).isEqualTo(200);
        Audience audience = audience();
        assertThat(audience.name()).isEqualTo("Paying Customers");
        assertThat(audience.memberCount()).isEqualTo(3);
        assertThat(audiences.lookup(audience.id(), "a").member()).isFalse();
        assertThat(audiences.lookup(audience.id(), "d").member()).isTrue();
        assertThat(sync.run(receiver.connectorId(), "task-2").orElseThrow())
                .extracting(SyncRun::added, SyncRun::removed, SyncRun::ignoredAdds, SyncRun::ignoredRemoves)
                .containsExactly(1L, 1L, 1L, 1L);
        assertThat(audiences.page(receiver.connectorId(), "", false, 0, 10)).hasSize(1);
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
        assertThat(sync.run(receiver.connectorId(), "task-1").orElseThrow())
                .extracting(SyncRun::pagesReceived, SyncRun::pagesApplied).containsExactly(2, 2);
    }

    @Test
    void pagesArrivingOutOfOrderCompleteTheRunOnceAllAreIn() {
        heap.send(page("task-1", 2, 3, List.of("b"), List.of()));
        heap.send(page("task-1", 3, 3, List.of("c"), List.of()));
        SyncRun partial = sync.run(receiver.connectorId(), "task-1").orElseThrow();
        assertThat(sync.statusOf(partial)).isEqualTo(SyncRun.Status.IN_PROGRESS);
        assertThat(partial.completedAt()).isNull();

        heap.send(page("task-1", 1, 3, List.of("a"), List.of()));

        SyncRun run = sync.run(receiver.connectorId(), "task-1").orElseThrow();
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
        assertThat(sync.run(receiver.connectorId(), "task-1").orElseThrow())
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
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> sync.statusOf(sync.run(receiver.connectorId(), "task-1")
                .orElseThrow()) == SyncRun.Status.COMPLETE);
        assertThat(audience().memberCount()).isEqualTo(pages * 500L);
    }

    protected String page(String task, int number, int total, List<String> add, List<String> remove) {
        return WebhookDeliveries.page(receiver.tokenId(), segmentId, "Free Customers", task, number, total, add, remove);
    }

    protected static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    protected Audience audience() {
        List<Audience> found = audiences.page(receiver.connectorId(), "", false, 0, 10);
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
