package io.audiencehub.security;

import io.audiencehub.base.ConcurrencyPerKey;
import io.audiencehub.base.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code max-concurrent-requests-per-client} requests of one client address are handled at
 * once; more are answered 503 with Retry-After at once, before their body is read. A client opening
 * hundreds of connections that send a byte now and then would otherwise hold every worker thread,
 * and the sign-in page and the visitor endpoint would stop answering for everyone.
 */
class ClientRequestLimitFilter extends OncePerRequestFilter {

    private final ConcurrencyPerKey inFlight;

    ClientRequestLimitFilter(int maxPerClient) {
        this.inFlight = new ConcurrencyPerKey(maxPerClient);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        if (!inFlight.tryAcquire(client)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.setHeader(HttpHeaders.CONNECTION, "close");
            Refusal.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Too many requests at once from "
                    + client + "; wait for the ones under way, then retry.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.release(client);
        }
    }
}
