package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.audiencehub.Http;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.ErasureService;
import io.audiencehub.campaign.CampaignDraft;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.campaign.CampaignType;
import io.audiencehub.campaign.Variation;
import io.audiencehub.connector.HeapConnectedTest;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.ApiKeyService;
import io.audiencehub.security.NewApiKey;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.segment.SegmentsForTests;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The guard on sudden audience changes over real deliveries: a Heap run that would empty an audience a running
 * campaign targets is held, answered as stored, and changes nothing; the audience's later runs wait behind it;
 * approved, it applies as one change and they follow in order; rejected, it never applies.
 */
class SyncGuardIntegrationTest extends HeapConnectedTest {

    private static final long SEGMENT = 77;

    @Autowired
    AudienceService audiences;
    @Autowired
    SegmentService segments;
    @Autowired
    CampaignService campaigns;
    @Autowired
    SyncGuardService guards;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    ErasureService erasures;

    private String suffix;
    private List<String> members;

    @BeforeEach
    void anAudienceOfTenThatARunningCampaignTargets() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        members = IntStream.rangeClosed(1, 10).mapToObj(i -> "m" + i + "-" + suffix).toList();
        assertThat(sync("task-1", members, List.of()).statusCode()).isEqualTo(200);
        assertThat(memberCount()).isEqualTo(10);
        HeapConnectorsForTests.asAdmin(security, () -> {
            long segmentId = segments.create("Guarded " + suffix, SegmentsForTests.memberOf(connector.id(),
                    audienceId())).id();
            return campaigns.startAnyway(campaigns.create(new CampaignDraft("Guarded offer " + suffix,
                    CampaignType.PERSONALIZATION, true, List.of(segmentId), 100, List.of(new Variation("offer", "Offer",
                    100, "{}", null, null)), null, null)).id());
        });
    }

    @Test
    void aRunRemovingMostOfTheAudienceIsHeldAndLaterRunsWaitUntilItIsApproved() {
        HttpResponse<String> held = sync("task-2", List.of(), members.subList(0, 6));
        assertThat(held.statusCode()).as("the source is answered: its page is stored").isEqualTo(200);
        HeldRun run = awaitHeld();
        assertThat(run.membersBefore()).isEqualTo(10);
        assertThat(run.removed()).isEqualTo(6);
        assertThat(run.added()).isZero();
        assertThat(run.reason()).isEqualTo("it would remove 6 of the audience's 10 members (60 %, more than 50 %)");
        assertThat(run.sampleRemoved()).containsExactlyElementsOf(members.subList(0, 6));
        assertThat(memberCount()).as("nothing of it applied").isEqualTo(10);

        sync("task-3", List.of("late-" + suffix), List.of());
        assertThat(memberCount()).as("a later run of the audience waits behind the held one").isEqualTo(10);

        HeapConnectorsForTests.asAdmin(security, () -> guards.approve(run.id()));
        await().atMost(Duration.ofSeconds(10)).until(() -> memberCount() == 5);
        assertThat(status(run.id())).isEqualTo(HeldRun.Status.APPLIED);
        assertThat(isMember(members.get(0))).isFalse();
        assertThat(isMember(members.get(9))).isTrue();
        assertThat(isMember("late-" + suffix)).as("the later run followed, after it").isTrue();
        assertThat(HeapConnectorsForTests.asAdmin(security, () -> guards.audit(connector.id())))
                .extracting(SyncGuardService.AuditEntry::what)
                .anySatisfy(what -> assertThat(what).startsWith("approved the held sync task task-2"))
                .anySatisfy(what -> assertThat(what).startsWith("held sync task task-2"));
    }

    @Test
    void aRejectedRunNeverAppliesAndTheNextRunsDo() {
        sync("task-2", List.of(), members.subList(0, 8));
        HeldRun run = awaitHeld();
        assertThat(run.sampleRemoved()).contains(members.get(0));
        HeapConnectorsForTests.asAdmin(security, () -> erasures.erase(members.get(0)));
        assertThat(heldRuns().get(0).sampleRemoved()).as("an erased id leaves the sample").hasSize(7)
                .doesNotContain(members.get(0));
        HeapConnectorsForTests.asAdmin(security, () -> guards.reject(run.id()));

        sync("task-3", List.of("next-" + suffix), List.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> memberCount() == 10);
        assertThat(status(run.id())).isEqualTo(HeldRun.Status.REJECTED);
        assertThat(isMember(members.get(1))).as("the rejected run removed no one").isTrue();
    }

    @Test
    void aGuardTurnedOffOrAnAudienceNoCampaignTargetsIsNotHeld() {
        HeapConnectorsForTests.asAdmin(security, () -> guards.setGuard(connector.id(), new SyncGuard(false, 50, 10)));
        sync("task-2", List.of(), members.subList(0, 9));
        await().atMost(Duration.ofSeconds(10)).until(() -> memberCount() == 1);
        assertThat(HeapConnectorsForTests.asAdmin(security, () -> guards.heldRuns(connector.id()))).isEmpty();
        assertThat(HeapConnectorsForTests.asAdmin(security, () -> guards.audit(connector.id())))
                .extracting(SyncGuardService.AuditEntry::what).containsExactly("guard changed from on (hold a run"
                        + " removing more than 50 % or growing an audience more than 10x) to off");
    }

    @Test
    void throughTheApiAKeyWithTheConnectorsScopeSetsTheGuardAndDecidesOnHeldRuns() {
        String base = "http://localhost:" + port + "/api/v1/connectors/" + connector.id();
        NewApiKey pipeline = HeapConnectorsForTests.asAdmin(security, () -> apiKeys.create("Guard " + suffix,
                Set.of(ApiKeyScope.CONNECTORS)));
        NewApiKey reader = HeapConnectorsForTests.asAdmin(security, () -> apiKeys.create("Reader " + suffix, Set.of()));

        assertThat(call("GET", base + "/guard", "", reader).body())
                .isEqualTo("{\"enabled\":true,\"max_removed_percent\":50,\"max_growth_factor\":10}");
        HttpResponse<String> outOfRange = call("PUT", base + "/guard", "{\"max_removed_percent\": 0}", pipeline);
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("max_removed_percent: give 1 to 100");
        assertThat(call("PUT", base + "/guard", "{\"max_removed_percent\": 20}", reader).statusCode())
                .as("a key without the Connectors scope").isEqualTo(403);
        assertThat(call("PUT", base + "/guard", "{\"max_removed_percent\": 20}", pipeline).body())
                .isEqualTo("{\"enabled\":true,\"max_removed_percent\":20,\"max_growth_factor\":10}");

        sync("task-2", List.of(), members.subList(0, 3));
        HeldRun run = awaitHeld();
        assertThat(run.reason()).isEqualTo("it would remove 3 of the audience's 10 members (30 %, more than 20 %)");
        assertThat(call("GET", base + "/held-runs", "", reader).body()).contains("\"id\":" + run.id(),
                "\"status\":\"HELD\"", "\"removed\":3", "\"members_before\":10");
        HttpResponse<String> approved = call("POST", base + "/held-runs/" + run.id() + "/approve", "", pipeline);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("\"status\":\"APPROVED\"", "\"decided_by\":\"");
        HttpResponse<String> again = call("POST", base + "/held-runs/" + run.id() + "/reject", "", pipeline);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("is no longer held");
        await().atMost(Duration.ofSeconds(10)).until(() -> memberCount() == 7);
    }

    private HttpResponse<String> call(String method, String url, String body, NewApiKey key) {
        return Http.send(url, method, body, "Authorization", "Bearer " + key.secret());
    }

    private HeldRun awaitHeld() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !heldRuns().isEmpty());
        return heldRuns().get(0);
    }

    private List<HeldRun> heldRuns() {
        return HeapConnectorsForTests.asAdmin(security, () -> guards.heldRuns(connector.id()));
    }

    private HeldRun.Status status(long holdId) {
        return heldRuns().stream().filter(run -> run.id() == holdId).findFirst().orElseThrow().status();
    }

    private HttpResponse<String> sync(String task, List<String> added, List<String> removed) {
        return new WebhookDeliveries(port).send(WebhookDeliveries.page(connector.tokenId(), SEGMENT, "Guarded " + suffix,
                task, 1, 1, added, removed));
    }

    private long audienceId() {
        return HeapConnectorsForTests.asAdmin(security, () -> audiences.page(connector.id(), "", false, 0, 1).get(0)).id();
    }

    private long memberCount() {
        return HeapConnectorsForTests.asAdmin(security, () -> audiences.page(connector.id(), "", false, 0, 1).get(0))
                .memberCount();
    }

    private boolean isMember(String id) {
        return audiences.isMember(audienceId(), id);
    }
}
