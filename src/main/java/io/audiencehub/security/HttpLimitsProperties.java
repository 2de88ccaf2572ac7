package io.audiencehub.security;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what one client may hold of the web server. Defaults are in {@code application.yml}.
 *
 * @param maxConcurrentRequestsPerClient requests of one client address handled at once; more get 503
 */
@ConfigurationProperties("audiencehub.http")
@Validated
public record HttpLimitsProperties(@Positive int maxConcurrentRequestsPerClient) {
}
