package io.audiencehub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/** The one shape of every refusal a machine gets: a problem (RFC 9457) that repeats its detail as "error". */
public final class Refusals {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Refusals() {
    }

    /** Fails unless {@code answer} is a refusal with {@code status} whose message contains {@code message}; returns the message. */
    public static String assertRefusal(HttpResponse<String> answer, int status, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("error").asText()).contains(message).isEqualTo(problem.path("detail").asText());
        return problem.path("error").asText();
    }
}
