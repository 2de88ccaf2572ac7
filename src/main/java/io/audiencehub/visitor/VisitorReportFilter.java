package io.audiencehub.visitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.base.Refusal;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * {@code POST /api/v1/visitors/seen}, where the site tag reports a visitor once per session. It is
 * public, stateless and the hottest path of the product, so it is answered here, ahead of Spring MVC
 * and Spring Security: CORS limited to the configured site origins, a rate per client address,
 * validation with an error naming the problem, and 202 as soon as the report is buffered. It is
 * registered for this path only, so it never passes a request on. The body is
 * JSON, sent as {@code text/plain} by {@code navigator.sendBeacon} (the only type it may send across
 * origins without a preflight) or as JSON.
 */
class VisitorReportFilter implements Filter {

    static final String PATH = "/api/v1/visitors/seen";
    private static final int MAX_BODY = 1024;
    private static final int TOO_LARGE = 413;
    private static final String BODY_TOO_LARGE = "The body is longer than " + MAX_BODY
            + " bytes: a report is {\"visitorId\": \"...\"} alone.";

    private final VisitorService visitors;
    private final ClientRateLimiter rateLimiter;
    private final CorsConfiguration cors;
    private final DefaultCorsProcessor corsProcessor = new DefaultCorsProcessor();
    private final ObjectMapper json;

    VisitorReportFilter(VisitorService visitors, VisitorProperties settings, ObjectMapper json) {
        this.visitors = visitors;
        this.json = json;
        this.rateLimiter = new ClientRateLimiter(settings.ratePerSecond(), settings.rateBurst(), System::nanoTime);
        this.cors = new CorsConfiguration();
        settings.allowedOrigins().forEach(cors::addAllowedOriginPattern);
        cors.addAllowedMethod(HttpMethod.POST);
        cors.addAllowedHeader("Content-Type");
        cors.setMaxAge(3600L);
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        if (!corsProcessor.processRequest(cors, request, response) || CorsUtils.isPreFlightRequest(request)) {
            return; // refused (403 written) or a preflight answered
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST, OPTIONS");
            Refusal.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Report visitors with POST.");
            return;
        }
        if (!rateLimiter.tryAcquire(request.getRemoteAddr())) {
            Refusal.write(response, 429, "Too many reports from " + request.getRemoteAddr()
                    + ": the tag reports once per session; slow down and retry later.");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            Refusal.write(response, TOO_LARGE, BODY_TOO_LARGE);
            return;
        }
        String problem = report(request);
        if (problem != null) {
            Refusal.write(response, BODY_TOO_LARGE.equals(problem) ? TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST, problem);
        } else {
            response.setStatus(HttpServletResponse.SC_ACCEPTED);
        }
    }


    /** Buffers the reported visitor; returns what is wrong with the report, or null. */
    private String report(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !(type.startsWith("text/plain") || type.startsWith("application/json"))) {
            return "Send the report as text/plain or application/json, not " + type + ".";
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length == 0) {
            return "The body is empty: send {\"visitorId\": \"...\"}.";
        }
        if (body.length > MAX_BODY) {
            return BODY_TOO_LARGE;
        }
        JsonNode id;
        try {
            id = json.readTree(body).path("visitorId");
        } catch (JsonProcessingException e) {
            return "The body is not JSON: send {\"visitorId\": \"...\"}.";
        }
        String problem = id.isMissingNode() || id.isNull() ? VisitorIds.problem(null)
                : id.isTextual() ? VisitorIds.problem(id.textValue()) : "visitorId must be a string";
        if (problem != null) {
            return problem + ".";
        }
        return visitors.report(id.textValue()) ? null : "The hub is busy storing reports; retry in a few seconds.";
    }
}
