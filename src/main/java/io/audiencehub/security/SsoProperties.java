package io.audiencehub.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Optional OpenID Connect single sign-on (Keycloak, Google, ...). Users whose {@code rolesClaim}
 * holds one of {@code adminRoles} are ADMIN; every other signed-in user is VIEWER.
 */
@ConfigurationProperties("audiencehub.sso")
public record SsoProperties(String issuerUri, String clientId, String clientSecret, String name,
                            String rolesClaim, List<String> adminRoles, List<String> scopes) {

    public SsoProperties {
        name = StringUtils.hasText(name) ? name : "Single sign-on";
        rolesClaim = StringUtils.hasText(rolesClaim) ? rolesClaim : "roles";
        adminRoles = adminRoles == null ? List.of() : List.copyOf(adminRoles);
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
    }

    public boolean enabled() {
        return StringUtils.hasText(issuerUri);
    }
}
