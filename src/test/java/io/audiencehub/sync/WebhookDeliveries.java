package io.audiencehub.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.connector.ConnectorService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Heap's side of the webhook for tests, or a custom source's (the same contract at its own URL, with
 * its own header and secret): compact JSON pages, signed as Heap signs them, sent over HTTP.
 */
public final class WebhookDeliveries {

    public static final String SECRET = "sandbox-webhook-secret-for-the-demo-only";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;
    private final String header;
    private final String secret;

    public WebhookDeliveries(int port) {
        this("http://localhost:" + port + HeapWebhookController.PATH, HeapSignature.HEADER, SECRET);
    }

    private WebhookDeliveries(String url, String header, String secret) {
        this.url = url;
        this.header = header;
        this.secret = secret;
    }

    public static WebhookDeliveries toCustomSource(int port, String sourceId, String secret) {
        return new WebhookDeliveries("http://localhost:" + port + io.audiencehub.connector.CustomSources.webhookPath(sourceId),
                CustomSourceWebhookController.HEADER, secret);
    }

    public String header() {
        return header;
    }

    public String secret() {
        return secret;
    }

    /** The signature header's value for {@code body} at {@code timestamp}, with this sender's secret. */
    public String sign(long timestamp, String body) {
        return signature(secret, timestamp, body);
    }

    public static String page(String idToken, long segmentId, String segmentName, String syncTaskId, int pageNumber,
                       int totalPages, List<String> add, List<String> remove) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("id", segmentId);
        segment.put("name", segmentName);
        Map<String, Object> syncInfo = new LinkedHashMap<>();
        syncInfo.put("page_number", pageNumber);
        syncInfo.put("total_pages", totalPages);
        syncInfo.put("sync_task_id", syncTaskId);
        data.put("segment", segment);
        data.put("sync_info", syncInfo);
        data.put("add", add.stream().map(id -> Map.of("id", id)).toList());
        data.put("remove", remove.stream().map(id -> Map.of("id", id)).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id_token", idToken);
        body.put("action_type", "segment.users.sync");
        body.put("customer_config", Map.of("fields", List.of()));
        body.put("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String signature(String secret, long timestamp, String body) {
        byte[] hmac = WebhookSignature.hmac(secret.getBytes(StandardCharsets.UTF_8), Long.toString(timestamp),
                body.getBytes(StandardCharsets.UTF_8));
        return "ts:" + timestamp + ",hmac:" + Base64.getEncoder().encodeToString(hmac);
    }

    public HttpResponse<String> send(String body) {
        return send(body, sign(System.currentTimeMillis(), body));
    }

    /**
     * Sends as the client {@code address} behind the tests' trusted proxy, as a provider sending from
     * many addresses does, so that its deliveries count against that address's share of the places.
     */
    public HttpResponse<String> sendAs(String address, String body) {
        return send(body, sign(System.currentTimeMillis(), body), "X-Forwarded-For", address);
    }

    public HttpResponse<String> send(String body, String signature, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(header, signature);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
