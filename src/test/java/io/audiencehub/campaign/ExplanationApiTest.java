package io.audiencehub.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.Http;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.HeapConnectedTest;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.security.ApiKeyService;
import io.audiencehub.security.NewApiKey;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.sync.WebhookDeliveries;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Explanations over HTTP: GET /api/v1/visitors/{id}/explanation for any API key, and the {@code explain}
 * flag of POST /api/v1/decisions for API-key clients, on a campaign targeting a Heap audience on the
 * checkout pages.
 */
class ExplanationApiTest extends HeapConnectedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    AudienceService audiences;
    @Autowired
    SegmentService segments;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ApiKeyService apiKeys;

    private String suffix;
    private long campaignId;
    private NewApiKey key;

    @BeforeEach
    void aRunningCampaignOnAHeapAudienceAtCheckout() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        new WebhookDeliveries(port).send(WebhookDeliveries.page(connector.tokenId(), 41, "Free customers", "task-1", 1, 1,
                List.of("member-" + suffix), List.of()));
        long audienceId = HeapConnectorsForTests.asAdmin(security,
                () -> audiences.page(connector.id(), "", false, 0, 1).get(0)).id();
        campaignId = HeapConnectorsForTests.asAdmin(security, () -> {
            long segmentId = segments.create("Free at checkout " + suffix, new SegmentDefinition(
                    SegmentDefinition.CURRENT_VERSION, new Group(Combinator.ALL, List.of(
                    new Condition(new Criterion.ExternalAudience(connector.id(), audienceId), false),
                    new Condition(new Criterion.PageUrl(Criterion.UrlMatch.STARTS_WITH,
                            "https://shop.example.com/checkout"), false))))).id();
            return campaigns.startAnyway(campaigns.create(new CampaignDraft("Upgrade offer " + suffix,
                    CampaignType.PERSONALIZATION, true, List.of(segmentId), 100, List.of(new Variation("offer",
                    "Upgrade banner", 100, "{}", null, null)), null, null)).id()).id();
        });
        key = HeapConnectorsForTests.asAdmin(security, () -> apiKeys.create("Support " + suffix, Set.of()));
    }

    @Test
    void aMemberAtCheckoutEntersAndTheExplanationSaysWithWhichVariationAndBucket() throws Exception {
        JsonNode ours = ours(explanation("member-" + suffix, "?url=https://shop.example.com/checkout/2&device=mobile"));

        assertThat(ours.path("reason").asText()).isEqualTo("ENTERED");
        assertThat(ours.path("variation").asText()).isEqualTo("Upgrade banner");
        assertThat(ours.path("bucket").asInt()).isBetween(0, 9_999);
        assertThat(ours.path("why").asText()).startsWith("entered: sees \"Upgrade banner\" (bucket ");
        assertThat(ours.path("segments").get(0).path("matched").asBoolean()).isTrue();
    }

    @Test
    void aStrangerIsToldWhichAudienceItIsNotInAndAMissingUrlIsSaidToBeUnknown() throws Exception {
        JsonNode stranger = ours(explanation("stranger-" + suffix, "?url=https://shop.example.com/checkout"));
        assertThat(stranger.path("reason").asText()).isEqualTo("NOT_IN_SEGMENTS");
        assertThat(stranger.path("why").asText()).isEqualTo("not in its segment \"Free at checkout " + suffix
                + "\": is not in Heap Analytics - " + connector.name() + " / Free customers");

        JsonNode answer = explanation("member-" + suffix, "");
        assertThat(answer.path("context_given")).isEmpty();
        JsonNode noUrl = ours(answer);
        assertThat(noUrl.path("reason").asText()).isEqualTo("NOT_IN_SEGMENTS");
        JsonNode verdict = noUrl.path("segments").get(0);
        assertThat(verdict.path("unknown").asBoolean()).isTrue();
        assertThat(verdict.path("unmet").get(0).asText()).isEqualTo("page URL starts with"
                + " \"https://shop.example.com/checkout\": not known, the visitor's context does not say");
    }

    @Test
    void anApiKeyClientAsksTheDecisionAndItsExplanationTogetherTheSiteTagCannot() throws Exception {
        String body = "{\"visitor_id\": \"stranger-" + suffix + "\", \"explain\": true, \"context\": {\"url\":"
                + " \"https://shop.example.com/checkout\"}}";
        String url = "http://localhost:" + port + DecisionController.PATH;
        JsonNode server = JSON.readTree(Http.postJson(url, body, "Authorization", "Bearer " + key.secret()).body());
        assertThat(StreamSupport.stream(server.path("explanation").spliterator(), false)
                .filter(why -> why.path("campaign_id").asLong() == campaignId).findFirst().orElseThrow()
                .path("reason").asText()).isEqualTo("NOT_IN_SEGMENTS");
        assertThat(Http.postJson(url, body).body()).as("the site tag's answer names no segment")
                .doesNotContain("explanation", "Free customers");
    }

    @Test
    void aContextThatCannotBeReadIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> refused = Http.send("http://localhost:" + port + "/api/v1/visitors/member-" + suffix
                + "/explanation?device=fridge", "GET", "", "Authorization", "Bearer " + key.secret());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).startsWith("context.device: must be one of");
        assertThat(Http.get("http://localhost:" + port + "/api/v1/visitors/member-" + suffix + "/explanation")
                .statusCode()).as("without a key").isEqualTo(401);
    }

    private JsonNode explanation(String visitorId, String query) throws Exception {
        HttpResponse<String> answer = Http.send("http://localhost:" + port + "/api/v1/visitors/" + visitorId
                + "/explanation" + query, "GET", "", "Authorization", "Bearer " + key.secret());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private JsonNode ours(JsonNode explanation) {
        return StreamSupport.stream(explanation.path("campaigns").spliterator(), false)
                .filter(why -> why.path("campaign_id").asLong() == campaignId).findFirst().orElseThrow();
    }
}
