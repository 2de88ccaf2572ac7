package io.audiencehub.visitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the site tag reports a visitor, once per session: public, limited to the configured site
 * origins (CORS) and to a rate per client address. The body is JSON, sent as {@code text/plain} by
 * {@code navigator.sendBeacon} (which allows no other type across origins) or as JSON.
 */
@RestController
class VisitorReportController {

    static final String PATH = "/api/v1/visitors/seen";
    private static final int MAX_BODY = 1024;

    private final VisitorService visitors;
    private final ClientRateLimiter rateLimiter;
    private final ObjectMapper json;

    VisitorReportController(VisitorService visitors, VisitorProperties settings, ObjectMapper json) {
        this.visitors = visitors;
        this.json = json;
        this.rateLimiter = new ClientRateLimiter(settings.ratePerSecond(), settings.rateBurst(), System::nanoTime);
    }

    @PostMapping(path = PATH, consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Map<String, String>> seen(@RequestBody(required = false) String body, HttpServletRequest request) {
        if (!rateLimiter.tryAcquire(request.getRemoteAddr())) {
            return error(HttpStatus.TOO_MANY_REQUESTS, "Too many reports from " + request.getRemoteAddr()
                    + ": the tag reports once per session; slow down and retry later.");
        }
        if (body == null || body.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "The body is empty: send {\"visitorId\": \"...\"}.");
        }
        if (body.length() > MAX_BODY) {
            return error(HttpStatus.BAD_REQUEST, "The body has " + body.length() + " characters; at most "
                    + MAX_BODY + " are accepted.");
        }
        JsonNode report;
        try {
            report = json.readTree(body);
        } catch (JsonProcessingException e) {
            return error(HttpStatus.BAD_REQUEST, "The body is not JSON: send {\"visitorId\": \"...\"}.");
        }
        JsonNode id = report.path("visitorId");
        String problem = id.isMissingNode() || id.isNull() ? VisitorIds.problem(null)
                : id.isTextual() ? VisitorIds.problem(id.textValue()) : "visitorId must be a string";
        if (problem != null) {
            return error(HttpStatus.BAD_REQUEST, problem + ".");
        }
        if (!visitors.report(id.textValue())) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "The hub is busy storing reports; retry in a few seconds.");
        }
        return ResponseEntity.accepted().build();
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
    }
}
