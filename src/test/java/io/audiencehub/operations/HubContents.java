package io.audiencehub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.Http;
import io.audiencehub.sync.WebhookDeliveries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the backup and upgrade tests put in a hub, written through its public contracts only (the
 * visitor report, Heap's and a custom source's webhooks, the automation API), so that the same class
 * fills a hub of an earlier commit when its upgrade fixture is made: two Heap segments synced twice, a
 * custom source's segment, ten known visitors, three segments and four campaigns.
 */
public final class HubContents {

    /** Every id the contents use, and two no source ever sent: what a snapshot asks about. */
    public static final List<String> VISITORS = IntStream.rangeClosed(1, 15).mapToObj(n -> "visitor-%02d".formatted(n))
            .toList();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HubContents() {
    }

    /**
     * @param heap deliveries to the Heap connector {@code heapIdToken} names
     * @param customSource deliveries to a validated custom source
     * @param writeKey an API key that may change segments and campaigns
     */
    public static void write(int port, WebhookDeliveries heap, String heapIdToken, long heapConnectorId,
                             WebhookDeliveries customSource, String customSourceId, long customConnectorId,
                             String writeKey) {
        String base = "http://localhost:" + port;
        for (String visitor : VISITORS.subList(0, 10)) {
            assertThat(Http.postJson(base + "/api/v1/visitors/seen", "{\"visitorId\": \"" + visitor + "\"}")
                    .statusCode()).isEqualTo(202);
        }
        deliver(heap, WebhookDeliveries.page(heapIdToken, 501, "Buyers", "buyers-1", 1, 1, ids(1, 8), List.of()));
        deliver(heap, WebhookDeliveries.page(heapIdToken, 502, "Churn risk", "churn-1", 1, 2, ids(5, 9), List.of()));
        deliver(heap, WebhookDeliveries.page(heapIdToken, 502, "Churn risk", "churn-1", 2, 2, ids(10, 12), List.of()));
        // a second run: one buyer left, one who is not a known visitor came
        deliver(heap, WebhookDeliveries.page(heapIdToken, 501, "Buyers", "buyers-2", 1, 1, ids(13, 13), ids(8, 8)));
        deliver(customSource, WebhookDeliveries.page(customSourceId, 7, "Warehouse VIP", "vip-1", 1, 1,
                List.of("visitor-01", "visitor-03", "visitor-11", "visitor-14"), List.of()));

        long buyers = audience(base, writeKey, heapConnectorId, "Buyers", 7);
        long churn = audience(base, writeKey, heapConnectorId, "Churn risk", 6);
        long vip = audience(base, writeKey, customConnectorId, "Warehouse VIP", 2);

        long buyersOnMobile = create(base, writeKey, "/segments", """
                {"name": "Buyers on mobile", "definition": {"version": 1, "root": {"type": "group", "combinator": "ALL",
                 "children": [%s, {"type": "condition", "negated": false,
                              "criterion": {"type": "device_type", "device": "MOBILE"}}]}}}
                """.formatted(external(heapConnectorId, buyers)));
        long churnOrVip = create(base, writeKey, "/segments", """
                {"name": "Churn risk or VIP", "definition": {"version": 1, "root": {"type": "group", "combinator": "SOME",
                 "children": [%s, %s]}}}
                """.formatted(external(heapConnectorId, churn), external(customConnectorId, vip)));
        long checkout = create(base, writeKey, "/segments", """
                {"name": "Checkout pages", "definition": {"version": 1, "root": {"type": "group", "combinator": "ALL",
                 "children": [{"type": "condition", "negated": false, "criterion": {"type": "page_url",
                               "match": "STARTS_WITH", "value": "https://shop.example.com/checkout"}}]}}}
                """);

        start(base, writeKey, create(base, writeKey, "/campaigns", """
                {"name": "Buyers' banner", "type": "AB_TEST", "all_segments": true, "segment_ids": [%d],
                 "variations": [{"name": "Original", "weight": 50},
                                {"name": "Thank-you banner", "weight": 50, "json": {"banner": "Thanks"}}]}
                """.formatted(buyersOnMobile)));
        start(base, writeKey, create(base, writeKey, "/campaigns", """
                {"name": "Win back", "type": "PERSONALIZATION", "all_segments": false, "segment_ids": [%d, %d],
                 "variations": [{"name": "Discount", "weight": 70, "json": {"discount": 10}},
                                {"name": "Free shipping", "weight": 30, "json": {"shipping": 0}}]}
                """.formatted(churnOrVip, checkout)));
        start(base, writeKey, create(base, writeKey, "/campaigns", """
                {"name": "Half of the at-risk", "type": "AB_TEST", "segment_ids": [%d], "traffic_percent": 50,
                 "variations": [{"name": "Original", "weight": 50},
                                {"name": "Call", "weight": 50, "selector": "#help", "html": "<a href=tel:1>Call</a>"}]}
                """.formatted(churnOrVip)));
        create(base, writeKey, "/campaigns", """
                {"name": "Checkout draft", "type": "PERSONALIZATION", "segment_ids": [%d],
                 "variations": [{"name": "Trust badges", "weight": 100, "json": {"badges": true}}]}
                """.formatted(checkout));
    }

    private static List<String> ids(int from, int to) {
        return VISITORS.subList(from - 1, to);
    }

    private static void deliver(WebhookDeliveries to, String page) {
        HttpResponse<String> answer = to.send(page);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** The audience's id once its matched members are counted (visitor reports are written in batches). */
    private static long audience(String base, String key, long connectorId, String name, long knownVisitors) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode found = null;
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode audience : json(Http.send(base + "/api/v1/connectors/" + connectorId + "/audiences?limit=500",
                    "GET", "", "Authorization", "Bearer " + key), 200).path("items")) {
                if (audience.path("name").asText().equals(name)) {
                    found = audience;
                }
            }
            if (found != null && found.path("known_visitors").asLong() == knownVisitors) {
                return found.path("id").asLong();
            }
            sleep();
        }
        throw new AssertionError("audience " + name + " of connector " + connectorId + " never counted "
                + knownVisitors + " known visitors: " + found);
    }

    private static String external(long connectorId, long audienceId) {
        return """
                {"type": "condition", "negated": false,
                 "criterion": {"type": "external_audience", "connectorId": %d, "audienceId": %d}}
                """.formatted(connectorId, audienceId);
    }

    private static long create(String base, String key, String path, String body) {
        return json(Http.send(base + "/api/v1" + path, "POST", body, "Authorization", "Bearer " + key), 201)
                .path("id").asLong();
    }

    private static void start(String base, String key, long campaignId) {
        json(Http.send(base + "/api/v1/campaigns/" + campaignId + "/start", "POST", "", "Authorization",
                "Bearer " + key), 200);
    }

    static JsonNode json(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(status);
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
