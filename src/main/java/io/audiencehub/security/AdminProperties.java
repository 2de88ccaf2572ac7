package io.audiencehub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The local administrator set from the environment ({@code AUDIENCEHUB_ADMIN_PASSWORD}): created,
 * or its password reset, at start-up.
 */
@ConfigurationProperties("audiencehub.admin")
public record AdminProperties(String username, String password) {

    public AdminProperties {
        username = StringUtils.hasText(username) ? username : "admin";
    }

    public boolean passwordSet() {
        return StringUtils.hasText(password);
    }
}
