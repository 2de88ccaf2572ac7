package io.audiencehub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The one credential machines use with HTTP Basic: the metrics scraper's, for {@code /actuator}
 * (Prometheus, health details). People's passwords are never accepted there.
 *
 * @param username its user name
 * @param password its password; none: nothing signs in with HTTP Basic
 */
@ConfigurationProperties("audiencehub.metrics")
public record MetricsCredentialProperties(String username, String password) {

    public MetricsCredentialProperties {
        username = StringUtils.hasText(username) ? username : "metrics";
    }

    public boolean passwordSet() {
        return StringUtils.hasText(password);
    }
}
