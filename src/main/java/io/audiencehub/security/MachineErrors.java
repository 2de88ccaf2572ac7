package io.audiencehub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Sign-in errors for machines, answered directly as JSON. {@code sendError} would dispatch to
 * {@code /error}, which the people's chain turns into a redirect to the login page.
 */
final class MachineErrors {

    private MachineErrors() {
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Audience Hub\"");
        write(response, HttpServletResponse.SC_UNAUTHORIZED,
                "Sign-in required: send the metrics credential (audiencehub.metrics.username and password) with"
                        + " HTTP Basic.");
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "Your role does not allow this request.");
    }

    private static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error\":\"" + message + "\"}");
    }
}
