package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.Http;
import io.audiencehub.IntegrationTest;
import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.connector.MixpanelSources;
import io.audiencehub.connector.NewMixpanelSource;
import io.audiencehub.directory.DirectoryService;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Mixpanel's cohort sync over real HTTP, case by case as ../shared/mixpanel-cohort-sync.md states it:
 * every action, pages out of order, a session sent twice and restarted, wrong credentials, malformed
 * bodies, unknown fields, members without the property, pages of 1,000, an empty diff.
 */
@WithMockUser(username = "viewer", roles = "VIEWER")
class MixpanelWebhookTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MixpanelSources mixpanel;
    @Autowired
    AudienceService audiences;
    @Autowired
    SyncService sync;
    @Autowired
    DirectoryService directory;
    @Autowired
    SecurityContextHolderStrategy security;

    private NewMixpanelSource source;
    private String cohort;

    @BeforeEach
    void aMixpanelConnector() {
        source = HeapConnectorsForTests.asAdmin(security, () -> mixpanel.create("Mixpanel "
                + UUID.randomUUID().toString().substring(0, 8), ""));
        cohort = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() >> 20));
    }

    @Test
    void aMembersSyncOfSeveralPagesReplacesTheMembersOnlyOnceEveryPageArrivedInAnyOrder() {
        assertSuccess(send(call("add_members", "s-0", 1, 1, members("old", 2))), "add_members");
        assertThat(members()).containsExactlyInAnyOrder("old-0", "old-1");

        assertSuccess(send(call("members", "s-1", 3, 3, members("c", 2))), "members");
        assertSuccess(send(call("members", "s-1", 1, 3, members("a", 2))), "members");
        assertThat(members()).as("the previous members stay until every page arrived").containsExactlyInAnyOrder(
                "old-0", "old-1");

        assertSuccess(send(call("members", "s-1", 2, 3, members("b", 2))), "members");
        assertThat(members()).containsExactlyInAnyOrder("a-0", "a-1", "b-0", "b-1", "c-0", "c-1");
        SyncRun run = sync.run(source.connector().id(), "members:s-1").orElseThrow();
        assertThat(run).extracting(SyncRun::pagesReceived, SyncRun::pagesApplied, SyncRun::added)
                .containsExactly(3, 3, 6L);
        assertThat(sync.statusOf(run)).isEqualTo(SyncRun.Status.COMPLETE);
    }

    @Test
    void addsAndRemovesApplyAndAPageSentAgainChangesNothing() {
        send(call("members", "s-1", 1, 1, members("m", 3)));
        String removal = call("remove_members", "s-2", 1, 1, List.of(MixpanelDeliveries.member("m-0")));

        assertSuccess(send(removal), "remove_members");
        assertSuccess(send(call("add_members", "s-2", 1, 1, List.of(MixpanelDeliveries.member("n-0")))), "add_members");
        send(call("members", "s-1", 1, 1, members("m", 3)));
        assertSuccess(send(removal), "remove_members");

        assertThat(members()).containsExactlyInAnyOrder("m-1", "m-2", "n-0");
        assertThat(audience().name()).isEqualTo("Power users");
    }

    @Test
    void aSessionRestartedFromTheTopIsAppliedOnceAndAnUnfinishedOneOvertakenIsGivenUp() {
        send(call("members", "s-1", 1, 2, members("a", 2)));
        send(call("members", "s-2", 1, 1, members("z", 1)));
        assertThat(members()).containsExactly("z-0");
        SyncRun givenUp = sync.run(source.connector().id(), "members:s-1").orElseThrow();
        assertThat(givenUp.lastError()).contains("A later sync of the audience arrived");

        send(call("members", "s-3", 1, 2, members("p", 1)));
        send(call("members", "s-3", 1, 2, members("p", 1)));
        send(call("members", "s-3", 2, 2, members("q", 1)));
        assertThat(members()).containsExactlyInAnyOrder("p-0", "q-0");
    }

    @Test
    void membersWithoutTheVisitorPropertyAreCountedNotRefused() {
        List<String> cohortMembers = new ArrayList<>(members("v", 2));
        cohortMembers.add("{\"email\": \"ann@example.com\", \"mixpanel_distinct_id\": \"d-1\"}");
        cohortMembers.add("{\"email\": \"bob@example.com\", \"abtasty_visitor_id\": null}");
        cohortMembers.add("{\"email\": \"cy@example.com\", \"abtasty_visitor_id\": \"has spaces\"}");

        assertSuccess(send(call("add_members", "s-1", 1, 1, cohortMembers)), "add_members");

        assertThat(members()).containsExactlyInAnyOrder("v-0", "v-1");
        assertThat(sync.run(source.connector().id(), "add_members:s-1").orElseThrow().unidentified()).isEqualTo(3);
        assertThat(directory.syncHistory(source.connector().id(), cohort, 0, 10)).singleElement()
                .satisfies(run -> assertThat(run.withoutVisitorId()).as("the Directory's history shows them").isEqualTo(3));
    }

    @Test
    void aPageOfAThousandMembersAndAnEmptyDiffAreTaken() {
        assertSuccess(send(call("members", "s-1", 1, 1, members("k", 1_000))), "members");
        assertThat(audience().memberCount()).isEqualTo(1_000);

        assertSuccess(send(call("add_members", "s-2", 1, 1, List.of())), "add_members");
        assertSuccess(send(call("remove_members", "s-2", 1, 1, List.of())), "remove_members");
        assertThat(audience().memberCount()).isEqualTo(1_000);
    }

    @Test
    void wrongCredentialsAreA401InMixpanelsShape() throws Exception {
        HttpResponse<String> wrong = Http.postJson(url(), call("members", "s-1", 1, 1, members("a", 1)),
                "Authorization", MixpanelDeliveries.basic(source.userName(), "not-the-password"));
        HttpResponse<String> none = Http.postJson(url(), call("members", "s-1", 1, 1, members("a", 1)));

        for (HttpResponse<String> answer : List.of(wrong, none)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("status").asText()).isEqualTo("failure");
            assertThat(body.path("error").path("code").asInt()).isEqualTo(401);
            assertThat(body.path("error").path("message").asText()).contains("credentials");
        }
        assertThat(audiences.page(source.connector().id(), "", false, 0, 10)).isEmpty();
    }

    @Test
    void aMalformedBodyIsA400NamingWhatIsWrongAndUnknownFieldsAreIgnored() throws Exception {
        HttpResponse<String> noCohort = send("{\"action\": \"members\", \"parameters\": {\"mixpanel_session_id\": \"s\"}}");
        HttpResponse<String> badAction = send(call("members", "s-1", 1, 1, List.of()).replace("\"members\",", "\"merge\","));
        HttpResponse<String> badPage = send(call("members", "s-1", 3, 2, List.of()));
        HttpResponse<String> notJson = send("{\"action\": ");

        assertFailure(noCohort, 400, "$.parameters.mixpanel_cohort_id: is missing");
        assertFailure(badAction, 400, "$.action: \"merge\" is not members, add_members or remove_members");
        assertFailure(badPage, 400, "$.parameters.page_info.page_count: is 3");
        assertFailure(notJson, 400, "not valid JSON");

        String withExtras = call("add_members", "s-9", 1, 1, members("x", 1))
                .replace("\"parameters\": {", "\"parameters\": {\"mixpanel_new_field\": {\"a\": 1}, ")
                .replace("{\"action\"", "{\"sent_at\": \"2026-12-02T10:00:00Z\", \"action\"");
        assertSuccess(send(withExtras), "add_members");
        assertThat(members()).containsExactly("x-0");
    }

    private void assertSuccess(HttpResponse<String> answer, String action) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"action\":\"" + action + "\",\"status\":\"success\"}");
    }

    private static void assertFailure(HttpResponse<String> answer, int status, String message) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("status").asText()).isEqualTo("failure");
        assertThat(body.path("error").path("code").asInt()).isEqualTo(status);
        assertThat(body.path("error").path("message").asText()).contains(message);
    }

    private HttpResponse<String> send(String body) {
        return new MixpanelDeliveries(port, source).send(body);
    }

    private String url() {
        return new MixpanelDeliveries(port, source).url();
    }

    private String call(String action, String session, int page, int pages, List<String> members) {
        return MixpanelDeliveries.call(action, cohort, session, page, pages, members);
    }

    private static List<String> members(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> MixpanelDeliveries.member(prefix + "-" + i)).toList();
    }

    private Audience audience() {
        return audiences.page(source.connector().id(), "", false, 0, 10).stream()
                .filter(audience -> audience.audienceKey().equals(cohort)).findFirst().orElseThrow();
    }

    /** The members among the ids these tests send, as the hub answers for each. */
    private List<String> members() {
        Optional<Audience> audience = audiences.page(source.connector().id(), "", false, 0, 10).stream()
                .filter(each -> each.audienceKey().equals(cohort)).findFirst();
        if (audience.isEmpty()) {
            return List.of();
        }
        List<String> candidates = new ArrayList<>();
        for (String prefix : List.of("old", "a", "b", "c", "m", "n", "z", "p", "q", "v", "x")) {
            IntStream.range(0, 3).forEach(i -> candidates.add(prefix + "-" + i));
        }
        return candidates.stream().filter(id -> audiences.lookup(audience.get().id(), id).member()).toList();
    }
}
