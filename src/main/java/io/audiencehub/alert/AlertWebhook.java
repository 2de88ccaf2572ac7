package io.audiencehub.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Posts a notification to the configured webhook as Slack's incoming webhooks take it,
 * {@code {"text": "..."}}; any 2xx answer is a delivery.
 */
@Component
class AlertWebhook {

    private final AlertProperties settings;
    private final ObjectMapper json;
    private final HttpClient http;

    AlertWebhook(AlertProperties settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    boolean configured() {
        return settings.webhookUrl() != null;
    }

    /** @throws IOException with what went wrong, when the webhook did not take it */
    void send(String text) throws IOException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(settings.webhookUrl()).timeout(settings.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("text", text))))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of one string is always JSON", e);
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
        if (answer.statusCode() / 100 != 2) {
            String body = answer.body() == null ? "" : answer.body().strip();
            throw new IOException("the webhook answered " + answer.statusCode()
                    + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "..." : body)));
        }
    }
}
