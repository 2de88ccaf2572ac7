package io.audiencehub.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Every refusal the hub answers a machine with, whichever endpoint and whether a controller or a filter
 * refuses: an RFC 9457 problem ({@code application/problem+json}) whose {@code detail} is the message,
 * with the same message as {@code error}, the member clients read and Heap's contract names
 * ({@code {"error": "..."}}). The message says what is wrong, where, and how to fix it.
 */
public final class Refusal {

    public static final String ERROR = "error";
    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private Refusal() {
    }

    public static ProblemDetail problem(int status, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), message);
        problem.setProperty(ERROR, message);
        return problem;
    }

    /** The answer of a controller; {@code headers} adds to it, e.g. {@code Retry-After}. */
    public static ResponseEntity<ProblemDetail> answer(int status, String message, String... headers) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        for (int i = 0; i < headers.length; i += 2) {
            answer.header(headers[i], headers[i + 1]);
        }
        return answer.body(problem(status, message));
    }

    /** The answer of a filter, written directly: a filter's {@code sendError} would dispatch to /error. */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, message));
    }

    /** The problem as JSON text, for what writes its answer itself (a filter, a Tomcat valve). */
    public static String json(int status, String message) {
        try {
            return JSON.writeValueAsString(problem(status, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem of a status and a message is always JSON", e);
        }
    }
}
