package io.audiencehub.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.Http;
import io.audiencehub.Refusals;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.HeapConnectedTest;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.security.ApiKeyService;
import io.audiencehub.security.ApiKeyWrite;
import io.audiencehub.security.NewApiKey;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.segment.SegmentsForTests;
import io.audiencehub.sync.WebhookDeliveries;
import io.audiencehub.RawClients;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** POST /api/v1/decisions over HTTP: a Heap audience decides who sees a running campaign; every refusal. */
class DecisionApiTest extends HeapConnectedTest {

    @Autowired
    AudienceService audiences;
    @Autowired
    SegmentService segments;
    @Autowired
    CampaignService campaigns;
    @Autowired
    DecisionCounts counts;
    @Autowired
    ApiKeyService apiKeys;

    private String suffix;
    private String url;
    private long segmentId;

    @BeforeEach
    void aRunningCampaignOnAHeapAudience() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        url = "http://localhost:" + port + DecisionController.PATH;
        new WebhookDeliveries(port).send(WebhookDeliveries.page(connector.tokenId(), 31, "Buyers", "task-1", 1, 1,
                List.of("member-" + suffix), List.of()));
        long audienceId = HeapConnectorsForTests.asAdmin(security,
                () -> audiences.page(connector.id(), "", false, 0, 1).get(0)).id();
        HeapConnectorsForTests.asAdmin(security, () -> {
            segmentId = segments.create("Heap buyers " + suffix, SegmentsForTests.memberOf(connector.id(), audienceId)).id();
            long running = campaigns.create(new CampaignDraft("Buyers' banner " + suffix, CampaignType.PERSONALIZATION,
                    true, List.of(segmentId), 100, List.of(new Variation("banner", "Thank-you banner", 100,
                    "{\"banner\": \"Thanks for buying\"}", null, null)), null, null)).id();
            campaigns.startAnyway(running);
            campaigns.create(new CampaignDraft("Draft " + suffix, CampaignType.PERSONALIZATION, true,
                    List.of(segmentId), 100, List.of(new Variation("v", "Never shown", 100, "{}", null, null)), null, null));
            return null;
        });
    }

    @Test
    void aMemberOfTheHeapAudienceGetsTheRunningCampaignAndOthersDoNot() {
        HttpResponse<String> member = decide("{\"visitor_id\": \"member-" + suffix + "\", \"context\": {"
                + "\"url\": \"https://shop.example.com/\", \"device\": \"mobile\", \"unknown_key\": [1]}}");

        assertThat(member.statusCode()).as(member.body()).isEqualTo(200);
        assertThat(member.body()).contains("\"visitor_id\":\"member-" + suffix + "\"", "\"stale\":false",
                "\"campaign\":\"Buyers' banner " + suffix + "\"", "\"variation_key\":\"banner\"",
                "\"payload\":{\"json\":{\"banner\":\"Thanks for buying\"}}").doesNotContain("Draft " + suffix)
                .as("the public answer names no segment or audience").doesNotContain("segment", "Buyers\"");

        HttpResponse<String> stranger = decide("{\"visitor_id\": \"stranger-" + suffix + "\"}");
        assertThat(stranger.statusCode()).isEqualTo(200);
        assertThat(stranger.body()).doesNotContain("Buyers' banner " + suffix);

        decide("{\"visitor_id\": \"member-" + suffix + "\"}");
        counts.runOnce();
        assertThat(HeapConnectorsForTests.asAdmin(security, () -> campaigns.summaries(0, 10_000)).stream()
                .filter(summary -> summary.name().equals("Buyers' banner " + suffix)).findFirst().orElseThrow()
                .variations()).as("every decision is counted for the list").containsExactly("Thank-you banner 100 % (2 in 24 h)");
    }

    @Test
    void aServerSideClientWithAnApiKeyAlsoLearnsTheMatchedSegmentsAndARevokedKeyIsRefused() {
        NewApiKey key = HeapConnectorsForTests.asAdmin(security, () -> apiKeys.create("Checkout service " + suffix, Set.of()));
        String body = "{\"visitor_id\": \"member-" + suffix + "\"}";

        HttpResponse<String> answer = Http.postJson(url, body, "Authorization", "Bearer " + key.secret());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"matched_segments\":[" + segmentId + "]");
        assertThat(decide(body).body()).as("the public answer names no segment").doesNotContain("matched_segments");
        assertThat(Http.postJson(url, body, "Authorization", "bearer " + key.secret()).body())
                .as("the scheme in any case, as everywhere else").contains("\"matched_segments\":[" + segmentId + "]");
        assertThat(apiKeyChanges()).as("asking for a decision is no change").isEmpty();

        assertThat(Http.postJson(url, body, "Authorization", "Bearer ahk_" + "x".repeat(40)).statusCode()).isEqualTo(401);
        HeapConnectorsForTests.asAdmin(security, () -> {
            apiKeys.revoke(key.key().id());
            return null;
        });
        HttpResponse<String> revoked = Http.postJson(url, body, "Authorization", "Bearer " + key.secret());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("unknown or revoked");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|visitor_id is missing",
            "{\"visitor_id\": \"a b\"}|visitor_id may contain only letters, digits",
            "{\"visitor_id\": \"v1\", \"context\": {\"device\": \"phone\"}}|context.device: must be one of desktop, mobile, tablet",
            "{\"visitor_id\": \"v1\", \"context\": {\"browser\": \"lynx\"}}|context.browser: must be one of chrome, firefox",
            "{\"visitor_id\": \"v1\", \"context\": {\"cookies\": [1]}}|context.cookies: must be an object",
            "{\"visitor_id\": \"v1\", \"context\": {\"time\": \"yesterday\"}}|context.time: must be an ISO-8601 instant",
            "{\"visitor_id\": \"v1\", \"context\": {\"returning\": {}}}|context.returning: must be true or false",
            "{\"visitor_id\": \"v1\", \"context\": 5}|context: must be an object",
            "not json|the body is not JSON"})
    void badInputIsABadRequestNamingTheField(String body, String message) {
        HttpResponse<String> answer = decide(body);

        Refusals.assertRefusal(answer, 400, message);
    }

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        try (Socket socket = RawClients.connectFrom("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST " + DecisionController.PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 12000000\r\n\r\n{\"visitor_id\"")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(RawClients.statusLine(socket)).as("answered without the 12 MB").contains(" 413");
        }
    }

    @Test
    void aBodyWithoutALengthIsReadUpToTheLimitAndRefusedWith413Past() {
        // just over the limit, so that the hub's read takes in the whole body and its answer is not cut short
        String cookie = "x".repeat(256 * 1024);
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        ("{\"visitor_id\": \"v1\", \"context\": {\"cookies\": {\"big\": \"" + cookie + "\"}}}")
                                .getBytes(StandardCharsets.UTF_8)))));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("larger than 256 KB", "audiencehub.http.max-json-body-size");
    }

    @Test
    void aStringLongerThanAnyTheHubReadsIsRefusedSayingSo() {
        HttpResponse<String> answer = decide("{\"visitor_id\": \"v1\", \"context\": {\"cookies\": {\"big\": \""
                + "x".repeat(100_000) + "\"}}}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("longer than the hub reads", "65536");
    }

    @Test
    void onlyTheConfiguredSitesMayAskAcrossOrigins() {
        String body = "{\"visitor_id\": \"member-" + suffix + "\"}";

        HttpResponse<String> foreign = Http.postJson(url, body, "Origin", "https://attacker.example.net");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> site = Http.postJson(url, body, "Origin", "https://shop.example.com");
        assertThat(site.statusCode()).isEqualTo(200);
        assertThat(site.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop.example.com");
    }

    private List<ApiKeyWrite> apiKeyChanges() {
        return HeapConnectorsForTests.asAdmin(security, () -> apiKeys.writes(0, 1_000)).stream()
                .filter(write -> write.path().equals(DecisionController.PATH)).toList();
    }

    private HttpResponse<String> decide(String body) {
        return Http.postJson(url, body);
    }
}
