package io.audiencehub.sandbox.mixpanel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.audiencehub.Http;
import io.audiencehub.IntegrationTest;
import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.connector.MixpanelSources;
import io.audiencehub.connector.NewMixpanelSource;
import io.audiencehub.directory.DirectoryService;
import io.audiencehub.directory.SyncHistoryEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The Mixpanel sandbox's cohort sync end to end over HTTP, into the hub's real Mixpanel webhook (3
 * members a page in tests): the whole cohort first, then diffs, retries on what may heal, a pause on
 * what will not.
 */
@WithMockUser(username = "admin", roles = "ADMIN")
class SandboxCohortExportTest extends IntegrationTest {

    private static final String VISITOR_ID = "abtasty_visitor_id";

    @Autowired
    SandboxMixpanelService mixpanel;
    @Autowired
    SandboxCohortExport export;
    @Autowired
    MixpanelSources hubSources;
    @Autowired
    AudienceService audiences;
    @Autowired
    DirectoryService directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityContextHolderStrategy security;

    private NewMixpanelSource hub;
    private String suffix;
    private String plan;

    @BeforeEach
    void aHubConnectorAndItsConnectionInMixpanel() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        plan = "plan_" + suffix;
        hub = HeapConnectorsForTests.asAdmin(security, () -> hubSources.create("Mixpanel " + suffix, ""));
    }

    @Test
    void theFirstSyncSendsTheWholeCohortThenOnlyWhatChangedAndTheHubTakesIt() {
        for (int i = 1; i <= 5; i++) {
            user("u" + i, Map.of(plan, "pro", VISITOR_ID, "v" + i + "-" + suffix));
        }
        user("u6", Map.of(plan, "pro"));
        MixpanelCohort pro = cohortOf("pro");
        mixpanel.exportTo(pro.id(), connection(hub.password()).id());

        SandboxCohortExport.Outcome first = export.sync(pro.id());

        assertThat(first.delivered()).as(first.message()).isTrue();
        assertThat(first.full()).isTrue();
        assertThat(first.added()).isEqualTo(6);
        assertThat(mixpanel.deliveries(pro.id(), 0, 10)).extracting(MixpanelDeliveryAttempt::action,
                MixpanelDeliveryAttempt::pageCount, MixpanelDeliveryAttempt::totalPages, MixpanelDeliveryAttempt::status)
                .containsExactly(tuple("members", 2, 2, 200),
                        tuple("members", 1, 2, 200));
        assertThat(audience(pro).memberCount()).as("the member without the property is no member").isEqualTo(5);
        SyncHistoryEntry run = directory.syncHistory(hub.connector().id(), String.valueOf(pro.id()), 0, 1).get(0);
        assertThat(run.withoutVisitorId()).isEqualTo(1);

        user("u1", Map.of(plan, "free"));
        user("u7", Map.of(plan, "pro", VISITOR_ID, "v7-" + suffix));
        SandboxCohortExport.Outcome diff = export.sync(pro.id());

        assertThat(diff.full()).isFalse();
        assertThat(diff).extracting(SandboxCohortExport.Outcome::added, SandboxCohortExport.Outcome::removed)
                .containsExactly(1, 1);
        assertThat(mixpanel.deliveries(pro.id(), 0, 2)).extracting(MixpanelDeliveryAttempt::action)
                .containsExactly("remove_members", "add_members");
        assertThat(audience(pro).memberCount()).isEqualTo(5);
        assertThat(audiences.lookup(audience(pro).id(), "v1-" + suffix).member()).isFalse();
        assertThat(audiences.lookup(audience(pro).id(), "v7-" + suffix).member()).isTrue();

        SandboxCohortExport.Outcome unchanged = export.sync(pro.id());
        assertThat(unchanged.delivered()).isTrue();
        assertThat(mixpanel.deliveries(pro.id(), 0, 2)).as("a sync with no change still calls, with empty lists")
                .extracting(MixpanelDeliveryAttempt::members).containsExactly(0, 0);
        assertThat(audience(pro).memberCount()).isEqualTo(5);
    }

    @Test
    void wrongCredentialsPauseTheSyncAfterOneAttemptUntilTheUserResumesIt() {
        user("u1", Map.of(plan, "pro", VISITOR_ID, "v1-" + suffix));
        MixpanelCohort pro = cohortOf("pro");
        mixpanel.exportTo(pro.id(), connection("not-the-password").id());

        SandboxCohortExport.Outcome refused = export.sync(pro.id());

        assertThat(refused.delivered()).isFalse();
        assertThat(refused.message()).contains("answered 401").contains("Paused");
        assertThat(mixpanel.deliveries(pro.id(), 0, 10)).as("401 will not heal: never retried").hasSize(1);
        assertThat(mixpanel.sync(pro.id()).orElseThrow().paused()).isTrue();
        assertThatThrownBy(() -> export.syncInBackground(pro.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paused");

        mixpanel.exportTo(pro.id(), connection(hub.password()).id());
        assertThat(mixpanel.sync(pro.id()).orElseThrow().paused()).as("another connection starts over").isFalse();
        assertThat(export.sync(pro.id()).delivered()).isTrue();
        assertThat(audience(pro).memberCount()).isEqualTo(1);
    }

    @Test
    void aPausedSyncResumesWhenTheUserSaysSo() {
        user("u1", Map.of(plan, "pro", VISITOR_ID, "v1-" + suffix));
        MixpanelCohort pro = cohortOf("pro");
        mixpanel.exportTo(pro.id(), connection("not-the-password").id());
        export.sync(pro.id());

        mixpanel.resume(pro.id());

        assertThat(mixpanel.sync(pro.id()).orElseThrow().paused()).isFalse();
    }

    @Test
    void aBusyHubIsRetriedUntilItTakesTheCall() {
        user("u1", Map.of(plan, "pro", VISITOR_ID, "v1-" + suffix));
        MixpanelCohort pro = cohortOf("pro");
        mixpanel.exportTo(pro.id(), connection(hub.password()).id());
        jdbc.sql("RENAME TABLE sync_page TO sync_page_away").update();
        try {
            export.syncInBackground(pro.id());
            await().pollInSameThread().atMost(Duration.ofSeconds(10))
                    .until(() -> !mixpanel.deliveries(pro.id(), 0, 1).isEmpty());
        } finally {
            jdbc.sql("RENAME TABLE sync_page_away TO sync_page").update();
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(10))
                .until(() -> mixpanel.deliveries(pro.id(), 0, 1).get(0).status() == 200);
        List<MixpanelDeliveryAttempt> attempts = mixpanel.deliveries(pro.id(), 0, 10);
        assertThat(attempts.get(attempts.size() - 1).status()).isEqualTo(503);
        assertThat(attempts.get(0).attempt()).isGreaterThan(1);
        assertThat(audience(pro).memberCount()).isEqualTo(1);
    }

    @Test
    void aRecurringSyncRunsWhenDueAndIsDueAgainAfterTheInterval() {
        user("u1", Map.of(plan, "pro", VISITOR_ID, "v1-" + suffix));
        MixpanelCohort pro = cohortOf("pro");
        mixpanel.exportTo(pro.id(), connection(hub.password()).id());
        mixpanel.setRecurring(pro.id(), true);

        export.syncDueRecurringExports();

        await().pollInSameThread().atMost(Duration.ofSeconds(10))
                .until(() -> mixpanel.sync(pro.id()).orElseThrow().lastSyncAt() != null);
        MixpanelCohortSync synced = mixpanel.sync(pro.id()).orElseThrow();
        assertThat(Duration.between(synced.lastSyncAt(), synced.nextSyncAt())).isEqualTo(Duration.ofMinutes(2));
        assertThat(audience(pro).memberCount()).isEqualTo(1);
    }

    @Test
    void theSnippetStandInRecordsPeopleSetAndTrackOverHttpAndRefusesAWrongToken() {
        String url = "http://localhost:" + port + "/sandbox/mixpanel/api/";
        String user = "d-" + suffix;
        assertThat(Http.postJson(url + "engage", "{\"token\": \"" + mixpanel.projectToken() + "\", \"distinct_id\": \""
                + user + "\", \"$set\": {\"" + plan + "\": \"pro\"}}").statusCode()).isEqualTo(204);
        assertThat(Http.postJson(url + "track", "{\"token\": \"" + mixpanel.projectToken() + "\", \"distinct_id\": \""
                + user + "\", \"event\": \"Event\", \"properties\": {\"AB Tasty\": \"[1]Offer[v1]Members\"}}")
                .statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT properties FROM sandbox_mixpanel_event WHERE distinct_id = ?").param(user)
                .query(String.class).single()).isEqualTo("{\"AB Tasty\":\"[1]Offer[v1]Members\"}");
        assertThat(mixpanel.memberCount(cohortOf("pro"))).isEqualTo(1);

        var wrong = Http.postJson(url + "engage", "{\"token\": \"nope\", \"distinct_id\": \"" + user + "\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("project token given to mixpanel.init()");
    }

    private void user(String distinctId, Map<String, String> properties) {
        mixpanel.setUserProperties(mixpanel.projectToken(), distinctId + "-" + suffix, properties);
    }

    private MixpanelCohort cohortOf(String value) {
        return mixpanel.cohorts().stream().filter(cohort -> cohort.name().equals(value + " " + suffix)).findFirst()
                .orElseGet(() -> mixpanel.defineCohort(value + " " + suffix, "Plan " + value, plan, value));
    }

    private MixpanelConnection connection(String password) {
        return mixpanel.connect("Hub " + UUID.randomUUID().toString().substring(0, 8), "http://localhost:" + port
                + MixpanelSources.webhookPath(hub.connector().tokenId()), hub.userName(), password, VISITOR_ID);
    }

    private Audience audience(MixpanelCohort cohort) {
        return audiences.page(hub.connector().id(), "", false, 0, 10).stream()
                .filter(audience -> audience.audienceKey().equals(String.valueOf(cohort.id()))).findFirst()
                .orElseThrow();
    }
}
