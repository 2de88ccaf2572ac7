package io.audiencehub.security;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Optional OpenID Connect single sign-on (Keycloak, Google, ...). Only the accounts the allow-list
 * names sign in ({@link SsoAllowList}): an issuer such as Google has every account of the world.
 * Users whose {@code rolesClaim} holds one of {@code adminRoles} are ADMIN; every other one admitted is
 * VIEWER.
 *
 * @param allowedEmailDomains the e-mail domains whose (verified) addresses sign in, e.g. {@code acme.com}
 * @param allowedEmails single (verified) addresses that sign in
 * @param groupsClaim the claim that lists a user's groups
 * @param allowedGroups groups whose members sign in
 */
@ConfigurationProperties("audiencehub.sso")
public record SsoProperties(String issuerUri, String clientId, String clientSecret, String name,
                            String rolesClaim, List<String> adminRoles, List<String> scopes,
                            List<String> allowedEmailDomains, List<String> allowedEmails, String groupsClaim,
                            List<String> allowedGroups) {

    public SsoProperties {
        name = StringUtils.hasText(name) ? name : "Single sign-on";
        rolesClaim = StringUtils.hasText(rolesClaim) ? rolesClaim : "roles";
        adminRoles = adminRoles == null ? List.of() : List.copyOf(adminRoles);
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
        allowedEmailDomains = lowerCase(allowedEmailDomains);
        allowedEmails = lowerCase(allowedEmails);
        groupsClaim = StringUtils.hasText(groupsClaim) ? groupsClaim : "groups";
        allowedGroups = allowedGroups == null ? List.of() : List.copyOf(allowedGroups);
    }

    public boolean enabled() {
        return StringUtils.hasText(issuerUri);
    }

    /** Whether anybody at all may sign in: an empty allow-list would admit nobody. */
    boolean hasAllowList() {
        return !allowedEmailDomains.isEmpty() || !allowedEmails.isEmpty() || !allowedGroups.isEmpty();
    }

    private static List<String> lowerCase(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(StringUtils::hasText)
                .map(value -> value.toLowerCase(Locale.ROOT)).toList();
    }
}
