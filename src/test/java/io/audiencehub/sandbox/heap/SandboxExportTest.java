package io.audiencehub.sandbox.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.HeapConnectedTest;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.sandbox.heap.SandboxSegment.RuleOperator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The sandbox's export side end to end over HTTP: it delivers signed pages (3 ids a page in tests) to
 * the hub's real webhook, sending only what changed, retrying what fails, logging every attempt.
 */
@WithMockUser(username = "admin", roles = "ADMIN")
class SandboxExportTest extends HeapConnectedTest {

    private static final String VISITOR_ID = "ABTastyVisitorId";

    @Autowired
    SandboxExportService exports;
    @Autowired
    SandboxTrackingService tracking;
    @Autowired
    AudienceService audiences;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SandboxExportRepository repository;

    private long environmentId;

    @BeforeEach
    void theConnectedEnvironment() {
        environmentId = HeapConnectorsForTests.environmentOf(sandbox, connector).id();
    }

    @Test
    void theVisitorIdPropertyIsOfferedOnlyOnceAUserCarriesIt() {
        user("u1", Map.of("plan", "free"));
        assertThat(exports.userProperties(environmentId)).containsExactly("plan");
        SandboxSegment free = exports.defineByRule(environmentId, "Free", "plan", RuleOperator.EQUALS, "free");
        assertThatThrownBy(() -> exports.confirmExport(free.id(), VISITOR_ID))
                .hasMessageContaining("not a user property this environment has collected yet");

        user("u2", Map.of("plan", "free", VISITOR_ID, "v2"));
        assertThat(exports.userProperties(environmentId)).containsExactly(VISITOR_ID, "plan");
        assertThat(exports.confirmExport(free.id(), VISITOR_ID).userIdProperty()).isEqualTo(VISITOR_ID);
    }

    @Test
    @WithMockUser(username = "viewer", roles = "VIEWER")
    void aViewerChangesNothingInTheSandbox() {
        user("u1", Map.of(VISITOR_ID, "v1"));
        long before = exports.segments(environmentId).size();

        assertThatThrownBy(() -> exports.defineByRule(environmentId, "Viewer's", VISITOR_ID, RuleOperator.IS_SET, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exports.defineByList(environmentId, "Viewer's list", "u1"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(exports.segments(environmentId)).hasSize((int) before);
    }

    @Test
    void theFirstSyncSendsEveryMemberThenOnlyWhatChangedInPagesTheHubApplies() {
        for (int i = 1; i <= 5; i++) {
            user("u" + i, Map.of("plan", "free", VISITOR_ID, "v" + i));
        }
        user("u6", Map.of("plan", "paid", VISITOR_ID, "v6"));
        user("u7", Map.of("plan", "free"));
        SandboxSegment free = exports.defineByRule(environmentId, "Free customers", "plan", RuleOperator.EQUALS, "free");
        assertThat(exports.userCount(free)).isEqualTo(6);
        exports.confirmExport(free.id(), VISITOR_ID);

        SandboxSyncResult first = exports.sync(free.id());

        assertThat(first).extracting(SandboxSyncResult::delivered, SandboxSyncResult::pages,
                SandboxSyncResult::adds, SandboxSyncResult::removes).containsExactly(true, 2, 5, 0);
        Audience audience = audience();
        assertThat(audience.audienceKey()).isEqualTo(Long.toString(free.id()));
        assertThat(audience.name()).isEqualTo("Free customers");
        assertThat(audience.memberCount()).as("u7 has no visitor id and is left out").isEqualTo(5);

        user("u1", Map.of("plan", "paid"));
        user("u8", Map.of("plan", "free", VISITOR_ID, "v8"));
        SandboxSyncResult second = exports.sync(free.id());

        assertThat(second).extracting(SandboxSyncResult::adds, SandboxSyncResult::removes, SandboxSyncResult::pages)
                .containsExactly(1, 1, 1);
        assertThat(audience().memberCount()).isEqualTo(5);
        assertThat(audiences.lookup(audience.id(), "v1").member()).isFalse();
        assertThat(audiences.lookup(audience.id(), "v8").member()).isTrue();
        assertThat(exports.deliveries(free.id(), 0, 10)).hasSize(3)
                .allSatisfy(delivery -> assertThat(delivery.status()).isEqualTo(200));
        assertThat(exports.export(free.id()).orElseThrow().lastResult()).isEqualTo("Delivered 1 adds and 1 removes in 1 page");
    }

    @Test
    void aListSegmentTakesTheUploadedUsersByIdOrIdentity() {
        user("u1", Map.of(VISITOR_ID, "v1"));
        tracking.track(String.valueOf(environmentId), "u2", "ann@example.com", Map.of(VISITOR_ID, "v2"));
        user("u3", Map.of(VISITOR_ID, "v3"));

        SandboxSegment listed = exports.defineByList(environmentId, "Uploaded",
                "u1-" + environmentId + "\nann@example.com\n\nnobody\n");

        assertThat(exports.userCount(listed)).isEqualTo(2);
        exports.confirmExport(listed.id(), VISITOR_ID);
        assertThat(exports.sync(listed.id()).adds()).isEqualTo(2);
        assertThatThrownBy(() -> exports.defineByList(environmentId, "Nobody", "ghost\n"))
                .hasMessageContaining("None of the 1 listed users");
        assertThatThrownBy(() -> exports.defineByList(environmentId, "uploaded", "u1-" + environmentId))
                .hasMessageContaining("already has a segment named");
    }

    @Test
    void aPageTheHubRefusesIsRetriedAndLoggedAndTheSyncFailsWithoutForgettingWhatToSend() {
        user("u1", Map.of("plan", "free", VISITOR_ID, "v1"));
        SandboxSegment free = exports.defineByRule(environmentId, "Free", "plan", RuleOperator.EQUALS, "free");
        exports.confirmExport(free.id(), VISITOR_ID);
        disconnect();

        SandboxSyncResult failed = exports.sync(free.id());

        assertThat(failed.delivered()).isFalse();
        assertThat(failed.message()).contains("Failed at page 1 of 1").contains("answered 404").contains("after 5 attempts");
        assertThat(exports.deliveries(free.id(), 0, 10)).extracting(SandboxDelivery::attempt)
                .containsExactly(5, 4, 3, 2, 1);

        HeapConnectorsForTests.connectTo(heapAuthorization, connectors, sandbox, security, port, environmentId);
        assertThat(exports.sync(free.id()).adds()).as("what was not delivered is sent again").isEqualTo(1);
    }

    @Test
    void aTransientFailureIsRetriedUntilTheHubAccepts() {
        user("u1", Map.of("plan", "free", VISITOR_ID, "v1"));
        SandboxSegment free = exports.defineByRule(environmentId, "Free", "plan", RuleOperator.EQUALS, "free");
        exports.confirmExport(free.id(), VISITOR_ID);
        jdbc.sql("RENAME TABLE sync_page TO sync_page_away").update();
        try {
            exports.syncInBackground(free.id());
            await().pollInSameThread().atMost(Duration.ofSeconds(10))
                    .until(() -> !exports.deliveries(free.id(), 0, 1).isEmpty());
        } finally {
            jdbc.sql("RENAME TABLE sync_page_away TO sync_page").update();
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(10))
                .until(() -> exports.deliveries(free.id(), 0, 1).get(0).status() == 200);
        assertThat(exports.deliveries(free.id(), 0, 10).get(1).status()).isEqualTo(503);
        assertThat(audience().memberCount()).isEqualTo(1);
    }

    @Test
    void recurringSyncRunsWhenDue() {
        user("u1", Map.of("plan", "free", VISITOR_ID, "v1"));
        SandboxSegment free = exports.defineByRule(environmentId, "Free", "plan", RuleOperator.EQUALS, "free");
        exports.confirmExport(free.id(), VISITOR_ID);
        exports.setRecurring(free.id(), true);

        exports.syncDueRecurringExports();

        await().pollInSameThread().atMost(Duration.ofSeconds(10))
                .until(() -> exports.export(free.id()).orElseThrow().lastSyncAt() != null);
        assertThat(audiences.count(connector.id(), "", false)).isEqualTo(1);
        SandboxExport export = exports.export(free.id()).orElseThrow();
        assertThat(export.recurring()).isTrue();
        assertThat(Duration.between(export.lastSyncAt(), export.nextSyncAt())).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aDueRecurringSyncIsClaimedByOneHubOnly() {
        user("u1", Map.of("plan", "free", VISITOR_ID, "v1"));
        SandboxSegment free = exports.defineByRule(environmentId, "Free", "plan", RuleOperator.EQUALS, "free");
        exports.confirmExport(free.id(), VISITOR_ID);
        exports.setRecurring(free.id(), true);
        Instant now = Instant.now().plusSeconds(1);

        assertThat(repository.claimDue(free.id(), now, now.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(repository.claimDue(free.id(), now, now.plus(Duration.ofMinutes(30))))
                .as("another hub checking at the same moment").isFalse();
        assertThat(repository.dueRecurringExports(now)).doesNotContain(free.id());
    }

    private void user(String userId, Map<String, String> properties) {
        tracking.track(String.valueOf(environmentId), userId + "-" + environmentId, null, properties);
    }

    private Audience audience() {
        List<Audience> found = audiences.page(connector.id(), "", false, 0, 10);
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
