package io.audiencehub.security;

import io.audiencehub.base.StartupRefusedException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Single sign-on, only where {@code audiencehub.sso.issuer-uri} is set. */
@Configuration(proxyBeanMethods = false)
class SsoConfiguration {

    static final String REGISTRATION_ID = "sso";

    @Bean
    @ConditionalOnSso
    ClientRegistrationRepository ssoClientRegistrations(SsoProperties sso) {
        if (!sso.hasAllowList()) {
            throw new StartupRefusedException("Single sign-on would admit nobody: no allow-list is configured, and"
                    + " an issuer such as Google has every account of the world.",
                    "Set AUDIENCEHUB_SSO_ALLOWEDEMAILDOMAINS (e.g. acme.com), AUDIENCEHUB_SSO_ALLOWEDEMAILS or"
                            + " AUDIENCEHUB_SSO_ALLOWEDGROUPS (with AUDIENCEHUB_SSO_GROUPSCLAIM, default groups)."
                            + " See docs/configuration.md.");
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(sso.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientName(sso.name())
                .clientId(sso.clientId())
                .clientSecret(sso.clientSecret())
                .scope(sso.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    @ConditionalOnSso
    OAuth2UserService<OidcUserRequest, OidcUser> ssoUserService(SsoProperties sso) {
        OidcUserService delegate = new OidcUserService();
        SsoAllowList allowList = new SsoAllowList(sso);
        return request -> {
            OidcUser user = delegate.loadUser(request);
            if (!allowList.admits(user.getClaims())) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "This account is not"
                        + " allowed to sign in to Audience Hub: ask an admin to add its e-mail domain, address or"
                        + " group to the single sign-on allow-list.", null));
            }
            Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
            authorities.add(roleOf(user.getClaims().get(sso.rolesClaim()), sso.adminRoles()).authority());
            String nameClaim = Stream.of("preferred_username", "email")
                    .filter(user.getClaims()::containsKey).findFirst().orElse("sub");
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameClaim);
        };
    }

    /** ADMIN when the roles claim (a string or a list of strings) names one of the admin roles. */
    static Role roleOf(Object rolesClaim, List<String> adminRoles) {
        return SsoAllowList.values(rolesClaim).stream().anyMatch(adminRoles::contains) ? Role.ADMIN : Role.VIEWER;
    }
}
