package io.audiencehub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiencehub.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Everything a hub answers about what it holds, read through the automation and decision APIs with
 * one API key: connectors, each audience with its counts and which of {@link HubContents#VISITORS} are
 * members, segments with their definitions, campaigns, and every visitor's decision on a checkout page
 * on a phone. Two hubs that answer the same snapshot hold the same data, as far as anyone can tell.
 */
public final class HubSnapshot {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DECISION_CONTEXT = """
            {"url": "https://shop.example.com/checkout/payment", "device": "mobile"}""";

    private HubSnapshot() {
    }

    public static ObjectNode read(int port, String key) {
        String base = "http://localhost:" + port + "/api/v1";
        ObjectNode snapshot = JSON.createObjectNode();
        ArrayNode connectors = snapshot.putArray("connectors");
        for (JsonNode connector : get(base, key, "/connectors?limit=500").path("items")) {
            ObjectNode kept = connectors.addObject();
            copy(connector, kept, "id", "name", "provider", "state", "token_id", "audiences", "available_audiences");
            ArrayNode audiences = kept.putArray("audience_list");
            for (JsonNode audience : get(base, key, "/connectors/" + connector.path("id").asLong()
                    + "/audiences?limit=500").path("items")) {
                ObjectNode audienceKept = audiences.addObject();
                copy(audience, audienceKept, "id", "name", "members", "known_visitors", "available");
                ArrayNode members = audienceKept.putArray("members_among_visitors");
                for (String visitor : HubContents.VISITORS) {
                    if (get(base, key, "/audiences/" + audience.path("id").asLong() + "/members/" + visitor)
                            .path("member").asBoolean()) {
                        members.add(visitor);
                    }
                }
            }
        }
        ArrayNode segments = snapshot.putArray("segments");
        for (JsonNode segment : get(base, key, "/segments?limit=500").path("items")) {
            JsonNode full = get(base, key, "/segments/" + segment.path("id").asLong());
            copy(full, segments.addObject(), "id", "name", "definition");
        }
        snapshot.set("campaigns", get(base, key, "/campaigns?limit=500").path("items"));
        ObjectNode decisions = snapshot.putObject("decisions");
        for (String visitor : HubContents.VISITORS) {
            ArrayNode entered = decisions.putArray(visitor);
            for (JsonNode campaign : decide(base, visitor).path("campaigns")) {
                copy(campaign, entered.addObject(), "campaign_id", "variation_key", "variation");
            }
        }
        return snapshot;
    }

    /**
     * Fails unless {@code actual} says at least all that {@code expected} says: every field of every
     * object equal, arrays of the same length element by element. A newer hub may answer more fields.
     */
    public static void assertHolds(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(path + " is an object: " + actual).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertThat(actual.has(field.getKey())).as(path + "." + field.getKey() + " is answered").isTrue();
                assertHolds(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual.isArray() && actual.size() == expected.size())
                    .as(path + " has " + expected.size() + " elements: " + actual).isTrue();
            for (int i = 0; i < expected.size(); i++) {
                assertHolds(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    private static JsonNode decide(String base, String visitor) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode answer = HubContents.json(Http.postJson(base + "/decisions",
                    "{\"visitor_id\": \"" + visitor + "\", \"context\": " + DECISION_CONTEXT + "}"), 200);
            // a hub just started answers "stale" until its audiences are loaded
            if (!answer.path("stale").asBoolean() || Instant.now().isAfter(deadline)) {
                assertThat(answer.path("stale").asBoolean()).as("audiences loaded within 30 s").isFalse();
                return answer;
            }
            HubContents.sleep();
        }
    }

    private static JsonNode get(String base, String key, String path) {
        return HubContents.json(Http.send(base + path, "GET", "", "Authorization", "Bearer " + key), 200);
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : List.of(fields)) {
            if (from.has(field)) {
                to.set(field, from.get(field));
            }
        }
    }
}
