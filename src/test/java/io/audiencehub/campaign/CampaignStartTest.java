package io.audiencehub.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.Http;
import io.audiencehub.IntegrationTest;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.ApiKeyService;
import io.audiencehub.security.NewApiKey;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.sync.WebhookDeliveries;
import io.audiencehub.visitor.VisitorService;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A campaign starts only on audiences that are there; an admin may start it anyway, and it then shows the
 * warning until they are healthy.
 */
@WithMockUser(username = "admin", roles = "ADMIN")
class CampaignStartTest extends IntegrationTest {

    @Autowired
    CampaignService campaigns;
    @Autowired
    SegmentService segments;
    @Autowired
    AudienceService audiences;
    @Autowired
    VisitorService visitors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiKeyService apiKeys;

    private String suffix;
    private String tokenId;
    private long connectorId;
    private long campaignId;

    @BeforeEach
    void aCampaignOnAHeapAudienceNoKnownVisitorIsIn() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        tokenId = UUID.randomUUID().toString();
        connectorId = ValidatedConnectors.insert(jdbc, "Start " + suffix, tokenId, "env");
        new WebhookDeliveries(port).send(WebhookDeliveries.page(tokenId, 61, "Buyers", "task-1", 1, 1,
                List.of("buyer-" + suffix), List.of()));
        long audienceId = audiences.find(connectorId, "61").orElseThrow().id();
        long segmentId = segments.create("Buyers " + suffix, new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
                new Group(Combinator.ALL, List.of(new Condition(new Criterion.ExternalAudience(connectorId, audienceId),
                        false))))).id();
        campaignId = campaigns.create(new CampaignDraft("Thanks " + suffix, CampaignType.AB_TEST, true,
                List.of(segmentId), 100, List.of(new Variation("a", Variation.ORIGINAL, 50, null, null, null),
                new Variation("b", "Banner", 50, "{}", null, null)), null, null)).id();
    }

    @Test
    void anEmptyAudienceIsNamedAndTheCampaignStartsOnlyWhenConfirmedThenWarnsUntilItIsHealthy() {
        assertThatThrownBy(() -> campaigns.start(campaignId)).isInstanceOfSatisfying(AudiencesNotReady.class,
                refusal -> {
                    assertThat(refusal.problems()).containsExactly(
                            "\"Buyers\" is empty: no member matched a known visitor yet");
                    assertThat(refusal).hasMessageStartingWith("Campaign \"Thanks " + suffix + "\" was not started:"
                            + " \"Buyers\" is empty").hasMessageContaining("start it anyway by confirming");
                });
        assertThat(campaigns.find(campaignId).orElseThrow().status()).as("nothing changed").isEqualTo(CampaignStatus.DRAFT);

        assertThat(campaigns.startAnyway(campaignId).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(summary().warnings()).as("the running campaign shows it")
                .containsExactly("\"Buyers\" is empty: no member matched a known visitor yet");

        visitors.report("buyer-" + suffix);
        visitors.flush();
        audiences.writeFirstSightings();
        assertThat(summary().warnings()).as("until the audience is healthy").isEmpty();
        campaigns.pause(campaignId);
        assertThat(campaigns.start(campaignId).status()).as("then it starts without asking")
                .isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void anAudienceWhoseRecurringSyncStoppedIsStale() {
        visitors.report("buyer-" + suffix);
        visitors.flush();
        audiences.writeFirstSightings();
        new WebhookDeliveries(port).send(WebhookDeliveries.page(tokenId, 61, "Buyers", "task-2", 1, 1,
                List.of("buyer-" + suffix), List.of()));
        jdbc.sql("UPDATE sync_run SET last_page_at = NOW(3) - INTERVAL 6 HOUR WHERE connector_id = ?")
                .param(connectorId).update();

        assertThatThrownBy(() -> campaigns.start(campaignId)).isInstanceOfSatisfying(AudiencesNotReady.class,
                refusal -> assertThat(refusal.problems()).containsExactly(
                        "\"Buyers\" is stale: recurring sync, nothing received for more than 5 h"));
    }

    @Test
    void theApiRefusesTheStartWithTheAudiencesNamedAndStartsItWhenConfirmed() throws Exception {
        NewApiKey key = apiKeys.create("Starter " + suffix, Set.of(ApiKeyScope.CAMPAIGNS));
        String start = "http://localhost:" + port + "/api/v1/campaigns/" + campaignId + "/start";

        HttpResponse<String> refused = Http.send(start, "POST", "", "Authorization", "Bearer " + key.secret());
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode problem = new ObjectMapper().readTree(refused.body());
        assertThat(problem.path("error").asText()).contains("\"Buyers\" is empty").endsWith("confirm=true.");
        assertThat(problem.path("problems").get(0).asText())
                .isEqualTo("\"Buyers\" is empty: no member matched a known visitor yet");

        HttpResponse<String> started = Http.send(start + "?confirm=true", "POST", "", "Authorization",
                "Bearer " + key.secret());
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(started.body()).path("status").asText()).isEqualTo("RUNNING");
    }

    private CampaignSummary summary() {
        return campaigns.summaries(0, 10_000).stream().filter(each -> each.id() == campaignId).findFirst()
                .orElseThrow();
    }
}
