package io.audiencehub.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.Http;
import io.audiencehub.IntegrationTest;
import io.audiencehub.RawClients;
import io.audiencehub.Refusals;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class VisitorReportEndpointTest extends IntegrationTest {

    private static final String ALLOWED_SITE = "https://shop.example.com";
    private final HttpClient http = HttpClient.newHttpClient();
    private String client;

    @Autowired
    VisitorService visitors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FirstSightingsForTests firstSightings;

    @BeforeEach
    void aClientOfItsOwn() {
        // a /64 of its own: the rate limit counts an IPv6 client by its network
        client = "2001:db8:" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff) + "::1";
    }

    @Test
    void aValidReportIsAcceptedAtOnceAndStoredAtTheNextFlush() throws Exception {
        String id = visitorId();
        HttpResponse<String> response = report("text/plain", "{\"visitorId\":\"" + id + "\"}", null);

        assertThat(response.statusCode()).isEqualTo(202);
        visitors.flush();
        assertThat(known(id)).isTrue();
        assertThat(Http.get(baseUrl() + "/actuator/prometheus", "metrics", METRICS_PASSWORD).body())
                .contains("audiencehub_visitors_reports_total{result=\"accepted\"}")
                .contains("audiencehub_visitors_buffered ");
    }

    @Test
    void eachInvalidReportIsRefusedWithAnErrorThatNamesTheProblem() throws Exception {
        assertError(report("text/plain", "", null), "The body is empty");
        assertError(report("application/json", "visitor=1", null), "The body is not JSON");
        assertError(report("application/json", "{\"id\":\"abc\"}", null), "visitorId is missing");
        assertError(report("application/json", "{\"visitorId\":\"" + "a".repeat(65) + "\"}", null),
                "visitorId has 65 characters; at most 64 are allowed");
        assertError(report("application/json", "{\"visitorId\":\"abc def\"}", null),
                "visitorId may contain only letters, digits, '-' and '_'");
        assertError(report("application/json", "{\"visitorId\":42}", null), "visitorId must be a string");
        assertError(report("application/x-www-form-urlencoded", "visitorId=abc", null),
                "Send the report as text/plain or application/json");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/visitors/seen"))
                .header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.body()).contains("Report visitors with POST.");
    }

    @Test
    void onlyTheConfiguredSiteOriginsMayReportFromABrowser() throws Exception {
        HttpResponse<String> allowed = report("text/plain", "{\"visitorId\":\"" + visitorId() + "\"}", ALLOWED_SITE);
        assertThat(allowed.statusCode()).isEqualTo(202);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_SITE);

        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/visitors/seen"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ALLOWED_SITE).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST"));

        String refusedId = visitorId();
        HttpResponse<String> other = report("text/plain", "{\"visitorId\":\"" + refusedId + "\"}", "https://evil.example.net");
        assertThat(other.statusCode()).isEqualTo(403);
        visitors.flush();
        assertThat(known(refusedId)).isFalse();
    }

    @Test
    void aClientSendingMoreThanItsRateGets429() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            responses.add(report("text/plain", "{\"visitorId\":\"" + visitorId() + "\"}", null));
        }
        assertThat(responses.subList(0, 40)).as("the burst of 40").allSatisfy(
                response -> assertThat(response.statusCode()).isEqualTo(202));
        assertThat(responses).filteredOn(response -> response.statusCode() == 429).isNotEmpty()
                .allSatisfy(response -> assertThat(response.body()).contains("Too many reports from " + client));
    }

    @Test
    void aClientThatIsNotATrustedProxyCannotChooseItsAddressWithXForwardedFor() throws Exception {
        List<String> statusLines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String spoofed = "198.51.100." + (i % 250);
            try (Socket socket = RawClients.connectFrom("127.0.0.3", port)) {
                String body = "{\"visitorId\":\"" + visitorId() + "\"}";
                socket.getOutputStream().write(("POST /api/v1/visitors/seen HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: text/plain\r\nX-Forwarded-For: " + spoofed + "\r\nConnection: close\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                statusLines.add(answer.lines().findFirst().orElse("") + " " + answer.substring(answer.indexOf("\r\n\r\n") + 4));
            }
        }
        assertThat(statusLines).as("the rate is counted on the connection's address, whatever the header says")
                .filteredOn(line -> line.contains(" 429 ")).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("Too many reports from 127.0.0.3"));
    }

    @Test
    void reportsAreWrittenInBatchesAndAFirstSightingIsAnnouncedOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            ids.add(visitorId());
        }
        ids.forEach(visitors::report);
        ids.subList(0, 100).forEach(visitors::report);

        visitors.flush();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM visitor WHERE id IN (:ids)").param("ids", ids)
                .query(Integer.class).single()).isEqualTo(2_500);
        assertThat(firstSightings.seen).filteredOn(event -> ids.contains(event.visitorId())).hasSize(2_500);

        visitors.report(ids.get(0));
        visitors.flush();
        assertThat(firstSightings.seen).filteredOn(event -> event.visitorId().equals(ids.get(0))).hasSize(1);
        assertThat(jdbc.sql("SELECT last_seen > first_seen FROM visitor WHERE id = ?").param(ids.get(0))
                .query(Boolean.class).single()).isTrue();
    }

    private HttpResponse<String> report(String contentType, String body, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/visitors/seen"))
                .header("Content-Type", contentType).header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, String message) {
        Refusals.assertRefusal(response, 400, message);
    }

    private boolean known(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM visitor WHERE id = ?").param(id).query(Integer.class).single() == 1;
    }

    private static String visitorId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
