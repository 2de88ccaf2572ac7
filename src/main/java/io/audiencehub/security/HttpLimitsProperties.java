package io.audiencehub.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what one client may hold of the web server. Defaults are in {@code application.yml}.
 *
 * @param maxConcurrentRequestsPerClient requests of one client address handled at once; more get 503
 * @param maxJsonBodySize the largest body a machine may send under {@code /api/} but to the webhooks;
 *                        larger ones get 413 before they are parsed. It also bounds any JSON document the
 *                        hub parses with its object mapper
 */
@ConfigurationProperties("audiencehub.http")
@Validated
public record HttpLimitsProperties(@Positive int maxConcurrentRequestsPerClient, @NotNull DataSize maxJsonBodySize) {
}
