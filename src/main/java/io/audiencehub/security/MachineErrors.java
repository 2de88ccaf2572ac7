package io.audiencehub.security;

import io.audiencehub.base.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Sign-in errors for machines, answered directly as JSON. {@code sendError} would dispatch to
 * {@code /error}, which the people's chain turns into a redirect to the login page.
 */
final class MachineErrors {

    static final String API_PATHS = "/api/v1/**";
    static final String UNKNOWN_API_KEY = "The API key is unknown or revoked: send \"Authorization: Bearer <key>\""
            + " with a key an admin created under API keys.";
    private static final String API_PREFIX = "/api/v1/";

    private MachineErrors() {
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + API_PREFIX)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Audience Hub\"");
            Refusal.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Sign-in required: send an API key as"
                    + " \"Authorization: Bearer <key>\"; an admin creates keys under API keys.");
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Audience Hub\"");
        Refusal.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                "Sign-in required: send the metrics credential (audiencehub.metrics.username and password) with"
                        + " HTTP Basic.");
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(API_PREFIX)) {
            Refusal.write(response, HttpServletResponse.SC_FORBIDDEN, "Your role does not allow this request.");
            return;
        }
        Refusal.write(response, HttpServletResponse.SC_FORBIDDEN, ApiKeyScope.neededFor(request.getMethod(), path)
                .map(scope -> "This API key lacks the \"" + scope.label() + "\" scope this request needs (" + scope.allows()
                        + "). An admin creates a key with it under API keys.")
                .orElse("No API key may " + request.getMethod() + " " + path + ": docs/api.md lists what keys can do."));
    }
}
