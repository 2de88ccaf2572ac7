package io.audiencehub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.Http;
import io.audiencehub.audience.ErasureService;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.connector.HeapConnectedTest;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.connector.MixpanelSources;
import io.audiencehub.connector.NewMixpanelSource;
import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.ApiKeyService;
import io.audiencehub.security.ApiKeyWrite;
import io.audiencehub.security.NewApiKey;
import io.audiencehub.sync.MixpanelDeliveries;
import io.audiencehub.sync.WebhookDeliveries;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * The automation API over HTTP with real keys: reads with any key, each change only with a key whose
 * scopes allow it, recorded under the key's name, and every refusal saying what is wrong.
 */
class AutomationApiTest extends HeapConnectedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ErasureService erasures;
    @Autowired
    MixpanelSources mixpanelSources;

    private String suffix;
    private String base;
    private NewApiKey reader;
    private NewApiKey writer;

    @BeforeEach
    void keysAndAnAudience() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        base = "http://localhost:" + port + "/api/v1";
        reader = HeapConnectorsForTests.asAdmin(security, () -> apiKeys.create("Reporting " + suffix, Set.of()));
        writer = HeapConnectorsForTests.asAdmin(security, () -> apiKeys.create("Pipeline " + suffix,
                Set.of(ApiKeyScope.SEGMENTS, ApiKeyScope.CAMPAIGNS, ApiKeyScope.ERASURE)));
        new WebhookDeliveries(port).send(WebhookDeliveries.page(connector.tokenId(), 77, "Buyers " + suffix, "task-" + suffix,
                1, 1, List.of("member-" + suffix, "other-" + suffix), List.of()));
    }

    @Test
    void withoutAKeyOrWithAnUnknownOneNothingIsAnswered() {
        HttpResponse<String> none = Http.get(base + "/connectors");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("send an API key as \\\"Authorization: Bearer <key>\\\"");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"Audience Hub\"");

        HttpResponse<String> unknown = call("GET", "/connectors", "", "ahk_" + "x".repeat(40));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("unknown or revoked");

        HeapConnectorsForTests.asAdmin(security, () -> {
            apiKeys.revoke(reader.key().id());
            return null;
        });
        assertThat(call("GET", "/connectors", "", reader.secret()).statusCode()).as("a revoked key").isEqualTo(401);
    }

    @Test
    void aReadKeyListsConnectorsWithHealthAudiencesWithCountsAndLooksUpMembers() throws Exception {
        JsonNode connectors = json(call("GET", "/connectors?limit=500", "", reader.secret()), 200);
        JsonNode ours = find(connectors.path("items"), "id", connector.id());
        assertThat(ours.path("name").asText()).isEqualTo(connector.name());
        assertThat(ours.path("provider").asText()).isEqualTo("Heap Analytics");
        assertThat(ours.path("token_id").asText()).isEqualTo(connector.tokenId());
        assertThat(ours.path("health").asText()).isEqualTo("HEALTHY");
        assertThat(ours.path("audiences").asLong()).isEqualTo(1);

        JsonNode audiences = json(call("GET", "/connectors/" + connector.id() + "/audiences", "", reader.secret()), 200);
        assertThat(audiences.path("total").asLong()).isEqualTo(1);
        JsonNode audience = audiences.path("items").get(0);
        assertThat(audience.path("name").asText()).isEqualTo("Buyers " + suffix);
        assertThat(audience.path("members").asLong()).isEqualTo(2);
        assertThat(audience.path("audience_key").asText()).isEqualTo("77");
        assertThat(audience.path("provider_segment_id").asLong()).as("kept for the clients that read it").isEqualTo(77);
        long audienceId = audience.path("id").asLong();

        assertThat(json(call("GET", "/audiences/" + audienceId + "/members/member-" + suffix, "", reader.secret()), 200)
                .path("member").asBoolean()).isTrue();
        assertThat(json(call("GET", "/audiences/" + audienceId + "/members/stranger-" + suffix, "", reader.secret()), 200)
                .path("member").asBoolean()).isFalse();
        assertThat(json(call("GET", "/audiences/999999999/members/x", "", reader.secret()), 404).path("error").asText())
                .isEqualTo("Audience 999999999 does not exist.");
        assertThat(json(call("GET", "/connectors?limit=501", "", reader.secret()), 400).path("error").asText())
                .isEqualTo("limit: must be between 1 and 500");
        assertThat(json(call("GET", "/connectors/abc", "", reader.secret()), 400).path("error").asText())
                .isEqualTo("connectorId: \"abc\" is not a long");
    }

    @Test
    void aReadKeyChangesNothing() throws Exception {
        String segment = "{\"name\": \"Read-only " + suffix + "\", \"definition\": " + everyone() + "}";
        JsonNode refused = json(call("POST", "/segments", segment, reader.secret()), 403);
        assertThat(refused.path("error").asText()).contains("lacks the \"Segments\" scope");
        assertThat(json(call("GET", "/segments?name=Read-only%20" + suffix, "", reader.secret()), 200)
                .path("total").asInt()).isZero();
        assertThat(json(call("GET", "/erasures", "", reader.secret()), 403).path("error").asText())
                .as("erasures are an admin's to see").contains("lacks the \"Erasure\" scope");
        assertThat(writesBy(reader)).as("a refused change is on the trail too")
                .containsExactly(new ApiKeyWrite(reader.key().actorName(), "POST", "/api/v1/segments", 403, null));
    }

    @Test
    void aKeyMakesOnlyTheChangesItsScopesAllowInTheFilterChainAndInTheServices() throws Exception {
        NewApiKey segmentsOnly = HeapConnectorsForTests.asAdmin(security, () -> apiKeys.create("Segments " + suffix,
                Set.of(ApiKeyScope.SEGMENTS)));
        String segment = "{\"name\": \"Scoped " + suffix + "\", \"definition\": " + everyone() + "}";
        long segmentId = json(call("POST", "/segments", segment, segmentsOnly.secret()), 201).path("id").asLong();

        String campaign = "{\"name\": \"Scoped " + suffix + "\", \"type\": \"PERSONALIZATION\", \"segment_ids\": ["
                + segmentId + "], \"variations\": [{\"name\": \"Blue\", \"weight\": 100, \"json\": {\"color\": \"blue\"}}]}";
        assertThat(json(call("POST", "/campaigns", campaign, segmentsOnly.secret()), 403).path("error").asText())
                .contains("lacks the \"Campaigns\" scope");
        assertThat(json(call("POST", "/erasures", "{\"visitor_id\": \"member-" + suffix + "\"}",
                segmentsOnly.secret()), 403).path("error").asText()).contains("lacks the \"Erasure\" scope");
        assertThat(json(call("GET", "/segments/" + segmentId, "", segmentsOnly.secret()), 200).path("name").asText())
                .as("and it reads").isEqualTo("Scoped " + suffix);

        Authentication asTheKey = UsernamePasswordAuthenticationToken.authenticated(segmentsOnly.key().actorName(),
                null, List.of(new SimpleGrantedAuthority("ROLE_VIEWER"),
                        new SimpleGrantedAuthority(ApiKeyScope.READ_AUTHORITY),
                        new SimpleGrantedAuthority(ApiKeyScope.SEGMENTS_AUTHORITY)));
        SecurityContext previous = security.getContext();
        security.setContext(new SecurityContextImpl(asTheKey));
        try {
            assertThatThrownBy(() -> campaigns.delete(Long.MAX_VALUE)).as("the service checks the scope too")
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> erasures.erase("member-" + suffix)).isInstanceOf(AccessDeniedException.class);
        } finally {
            security.setContext(previous);
        }
    }

    @Test
    void aWriteKeyManagesSegmentsRecordedUnderTheKeysName() throws Exception {
        String body = "{\"name\": \"Heap buyers " + suffix + "\", \"definition\": " + everyone() + "}";
        HttpResponse<String> createdResponse = call("POST", "/segments", body, writer.secret());
        JsonNode created = json(createdResponse, 201);
        long id = created.path("id").asLong();
        assertThat(createdResponse.headers().firstValue("Location")).hasValue("/api/v1/segments/" + id);
        assertThat(created.path("updated_by").asText()).isEqualTo(writer.key().actorName())
                .startsWith("API key " + writer.key().prefix() + " (Pipeline " + suffix);
        assertThat(created.path("definition").path("root").path("combinator").asText()).isEqualTo("ALL");

        JsonNode renamed = json(call("PUT", "/segments/" + id, body.replace("Heap buyers", "Buyers"), writer.secret()), 200);
        assertThat(renamed.path("name").asText()).isEqualTo("Buyers " + suffix);
        assertThat(json(call("GET", "/segments/" + id, "", reader.secret()), 200).path("name").asText())
                .isEqualTo("Buyers " + suffix);

        assertThat(json(call("POST", "/segments", body.replace("Heap buyers", "Buyers"), writer.secret()), 400)
                .path("error").asText()).contains("Buyers " + suffix).contains("already");
        assertThat(json(call("POST", "/segments", "{\"name\": \"Bad " + suffix + "\", \"definition\": {\"version\": 1,"
                + " \"root\": {\"type\": \"group\", \"combinator\": \"ALL\", \"children\": [{\"type\": \"condition\","
                + " \"negated\": false, \"criterion\": {\"type\": \"country\", \"code\": 7, \"extra\": 1}}]}}}",
                writer.secret()), 400).path("error").asText()).startsWith("definition.root.children[0].criterion.extra:");
        assertThat(json(call("POST", "/segments", "{\"name\": \"No definition " + suffix + "\"}", writer.secret()), 400)
                .path("error").asText()).startsWith("definition: missing");
        assertThat(json(call("POST", "/segments", "{\"name\": ", writer.secret()), 400).path("error").asText())
                .contains("not JSON");

        assertThat(call("DELETE", "/segments/" + id, "", writer.secret()).statusCode()).isEqualTo(204);
        assertThat(writesBy(writer)).as("every change requested with the key, newest first").startsWith(
                new ApiKeyWrite(writer.key().actorName(), "DELETE", "/api/v1/segments/" + id, 204, null),
                new ApiKeyWrite(writer.key().actorName(), "POST", "/api/v1/segments", 400, null));
        assertThat(json(call("GET", "/segments/" + id, "", reader.secret()), 404).path("error").asText())
                .isEqualTo("Segment " + id + " does not exist.");
    }

    @Test
    void aWriteKeyCreatesStartsPausesAndDeletesCampaigns() throws Exception {
        long segmentId = json(call("POST", "/segments", "{\"name\": \"Campaign target " + suffix + "\", \"definition\": "
                + everyone() + "}", writer.secret()), 201).path("id").asLong();
        String campaign = "{\"name\": \"Banner " + suffix + "\", \"type\": \"PERSONALIZATION\", \"segment_ids\": ["
                + segmentId + "], \"variations\": [{\"name\": \"Blue\", \"weight\": 100, \"json\": {\"color\": \"blue\"}}]}";
        JsonNode created = json(call("POST", "/campaigns", campaign, writer.secret()), 201);
        long id = created.path("id").asLong();
        assertThat(created.path("status").asText()).isEqualTo("DRAFT");
        assertThat(created.path("traffic_percent").asInt()).isEqualTo(100);
        assertThat(created.path("variations").get(0).path("key").asText()).startsWith("v-");
        assertThat(created.path("variations").get(0).path("json").path("color").asText()).isEqualTo("blue");

        assertThat(json(call("POST", "/campaigns/" + id + "/start", "", writer.secret()), 200).path("status").asText())
                .isEqualTo("RUNNING");
        assertThat(json(call("DELETE", "/campaigns/" + id, "", writer.secret()), 400).path("error").asText())
                .contains("only a draft can be deleted");
        assertThat(json(call("DELETE", "/segments/" + segmentId, "", writer.secret()), 400).path("error").asText())
                .as("a segment a campaign targets stays").contains("Banner " + suffix);
        JsonNode paused = json(call("POST", "/campaigns/" + id + "/pause", "", writer.secret()), 200);
        assertThat(paused.path("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.path("updated_by").asText()).isEqualTo(writer.key().actorName());
        assertThat(json(call("POST", "/campaigns/" + id + "/pause", "", writer.secret()), 400).path("error").asText())
                .contains("is paused: it cannot become paused");

        assertThat(json(call("POST", "/campaigns", campaign.replace("\"weight\": 100", "\"weight\": \"heavy\""),
                writer.secret()), 400).path("error").asText()).startsWith("variations[0].weight:");
        assertThat(json(call("POST", "/campaigns", "{\"name\": \"No variations " + suffix + "\"}", writer.secret()), 400)
                .path("error").asText()).startsWith("variations: required");

        long draft = json(call("POST", "/campaigns", campaign.replace("Banner", "Draft"), writer.secret()), 201)
                .path("id").asLong();
        assertThat(call("DELETE", "/campaigns/" + draft, "", writer.secret()).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/campaigns/" + draft, "", reader.secret()).statusCode()).isEqualTo(404);
        assertThat(json(call("GET", "/campaigns/" + id, "", reader.secret()), 200).path("name").asText())
                .isEqualTo("Banner " + suffix);
    }

    @Test
    void aWriteKeyErasesAVisitorAndLiftsTheSuppression() throws Exception {
        JsonNode erased = json(call("POST", "/erasures", "{\"visitor_id\": \"member-" + suffix + "\"}", writer.secret()), 201);
        assertThat(erased.toString()).doesNotContain("member-" + suffix);
        assertThat(erased.path("erased_by").asText()).isEqualTo(writer.key().actorName());
        assertThat(erased.path("memberships_removed").asInt()).isEqualTo(1);
        long audienceId = json(call("GET", "/connectors/" + connector.id() + "/audiences", "", reader.secret()), 200)
                .path("items").get(0).path("id").asLong();
        assertThat(json(call("GET", "/audiences/" + audienceId + "/members/member-" + suffix, "", reader.secret()), 200)
                .path("member").asBoolean()).isFalse();
        String key = erased.path("member_key").asText();
        assertThat(find(json(call("GET", "/erasures?limit=500", "", writer.secret()), 200).path("items"), "member_key", key))
                .isNotNull();

        assertThat(json(call("POST", "/erasures", "{\"visitor_id\": \"" + "x".repeat(257) + "\"}", writer.secret()),
                400).path("error").asText()).startsWith("visitorId: give the id as the source sends it");
        assertThat(json(call("DELETE", "/erasures/not-a-key", "", writer.secret()), 400).path("error").asText())
                .startsWith("memberKey: 16 lower-case hexadecimal digits");
        assertThat(call("DELETE", "/erasures/" + key, "", writer.secret()).statusCode()).isEqualTo(204);
        assertThat(json(call("DELETE", "/erasures/" + key, "", writer.secret()), 400).path("error").asText())
                .contains("lifted already");
    }

    @Test
    void aMixpanelCohortIsListedLookedUpAndErasedLikeAnyAudience() throws Exception {
        NewMixpanelSource mixpanel = HeapConnectorsForTests.asAdmin(security, () -> mixpanelSources.create(
                "Mixpanel " + suffix, ""));
        String cohort = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() >> 20));
        assertThat(new MixpanelDeliveries(port, mixpanel).send(MixpanelDeliveries.call("members", cohort, "s-" + suffix,
                1, 1, List.of(MixpanelDeliveries.member("cohort-" + suffix)))).statusCode()).isEqualTo(200);

        JsonNode ours = find(json(call("GET", "/connectors?limit=500", "", reader.secret()), 200).path("items"), "id",
                mixpanel.connector().id());
        assertThat(ours.path("provider").asText()).isEqualTo("Mixpanel");
        assertThat(ours.path("audiences").asLong()).isEqualTo(1);
        JsonNode audience = json(call("GET", "/connectors/" + mixpanel.connector().id() + "/audiences", "",
                reader.secret()), 200).path("items").get(0);
        assertThat(audience.path("audience_key").asText()).isEqualTo(cohort);
        assertThat(audience.path("name").asText()).isEqualTo("Power users");
        String member = "/audiences/" + audience.path("id").asLong() + "/members/cohort-" + suffix;
        assertThat(json(call("GET", member, "", reader.secret()), 200).path("member").asBoolean()).isTrue();

        assertThat(json(call("POST", "/erasures", "{\"visitor_id\": \"cohort-" + suffix + "\"}", writer.secret()), 201)
                .path("memberships_removed").asInt()).isEqualTo(1);
        assertThat(json(call("GET", member, "", reader.secret()), 200).path("member").asBoolean())
                .as("erasure covers Mixpanel cohorts").isFalse();
    }

    /** The trail of one key's changes, without their times. */
    private List<ApiKeyWrite> writesBy(NewApiKey key) {
        return HeapConnectorsForTests.asAdmin(security, () -> apiKeys.writes(0, 500)).stream()
                .filter(write -> write.actor().equals(key.key().actorName()))
                .map(write -> new ApiKeyWrite(write.actor(), write.method(), write.path(), write.status(), null))
                .toList();
    }

    private static String everyone() {
        return "{\"version\": 1, \"root\": {\"type\": \"group\", \"combinator\": \"ALL\", \"children\": []}}";
    }

    private HttpResponse<String> call(String method, String path, String body, String key) {
        return Http.send(base + path, method, body, "Authorization", "Bearer " + key);
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith(status < 400 ? "application/json" : "application/problem+json"));
        return JSON.readTree(response.body());
    }

    private static JsonNode find(JsonNode items, String field, Object value) {
        for (JsonNode item : items) {
            if (item.path(field).asText().equals(String.valueOf(value))) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " " + value + " in " + items);
    }
}
