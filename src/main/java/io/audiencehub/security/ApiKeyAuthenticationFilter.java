package io.audiencehub.security;

import io.audiencehub.base.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer <key>} as its API key, with the key's
 * scope ({@link ApiKeyScope}), for this request only. A key that opens nothing is refused here, so that
 * a client with a revoked key learns it rather than being treated as anonymous. Every change it asks
 * for, allowed or not, is recorded with its answer's status. On public endpoints (the decision API) a
 * key is optional: one that opens something tells the endpoint a server-side client asks, and asking
 * is not a change, so nothing is recorded.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

    private final ApiKeyService keys;
    private final SecurityContextHolderStrategy securityContext;
    private final RequestMatcher publicEndpoints;

    ApiKeyAuthenticationFilter(ApiKeyService keys, SecurityContextHolderStrategy securityContext,
                               RequestMatcher publicEndpoints) {
        this.keys = keys;
        this.securityContext = securityContext;
        this.publicEndpoints = publicEndpoints;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        Optional<ApiKey> key = keys.authenticate(presented);
        if (key.isEmpty()) {
            Refusal.write(response, HttpServletResponse.SC_UNAUTHORIZED, MachineErrors.UNKNOWN_API_KEY);
            return;
        }
        var context = securityContext.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(key.get().actorName(), null,
                ApiKeyScope.authorities(key.get().scopes())));
        securityContext.setContext(context);
        chain.doFilter(request, response);
        if (!READS.contains(request.getMethod()) && !publicEndpoints.matches(request)) {
            try {
                keys.recordWrite(key.get(), request.getMethod(), request.getRequestURI(), response.getStatus());
            } catch (RuntimeException e) {
                log.error("Could not record {} {} by {} ({}): {}", request.getMethod(), request.getRequestURI(),
                        key.get().actorName(), response.getStatus(), e.getMessage());
            }
        }
    }
}
