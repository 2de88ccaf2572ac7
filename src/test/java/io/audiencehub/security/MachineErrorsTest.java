package io.audiencehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.Http;
import io.audiencehub.IntegrationTest;
import io.audiencehub.Refusals;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Machines get JSON errors: never a redirect to the sign-in page, never Tomcat's HTML page. */
class MachineErrorsTest extends IntegrationTest {

    @ParameterizedTest
    @CsvSource({"GET, /api/integrations/heap/webhook, 405", "GET, /api/v1/decisions, 405",
            "GET, /api/v1/visitors/seen, 405", "POST, /tag.js, 405"})
    void aWrongMethodIsAJsonError(String method, String path, int status) {
        assertJsonError(Http.send(baseUrl() + path, method, "{}"), status);
    }

    @Test
    void anOversizedHeaderIsAJsonBadRequest() {
        HttpResponse<String> answer = Http.send(baseUrl() + "/api/v1/decisions", "POST", "{}",
                "X-Padding", "x".repeat(20_000));
        assertJsonError(answer, 400);
    }

    private static void assertJsonError(HttpResponse<String> answer, int status) {
        Refusals.assertRefusal(answer, status, "");
    }
}
