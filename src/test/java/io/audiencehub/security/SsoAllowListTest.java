package io.audiencehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audiencehub.base.StartupRefusedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SsoAllowListTest {

    private final SsoAllowList allowList = new SsoAllowList(sso(List.of("Acme.com"), List.of("Partner@Agency.example"),
            List.of("hub-users")));

    @Test
    void aVerifiedAddressOfAnAllowedDomainOrAnAllowedAddressSignsIn() {
        assertThat(allowList.admits(Map.of("email", "ann@ACME.com", "email_verified", true))).isTrue();
        assertThat(allowList.admits(Map.of("email", "partner@agency.example"))).as("no verification claim").isTrue();
        assertThat(allowList.admits(Map.of("email", "bob@acme.com.evil.example"))).isFalse();
        assertThat(allowList.admits(Map.of("email", "other@agency.example"))).isFalse();
    }

    @Test
    void anAddressTheIssuerDidNotVerifyCountsForNothing() {
        assertThat(allowList.admits(Map.of("email", "ann@acme.com", "email_verified", false))).isFalse();
        assertThat(allowList.admits(Map.of("email", "ann@acme.com", "email_verified", "false"))).isFalse();
    }

    @Test
    void aMemberOfAnAllowedGroupSignsInWhateverItsAddress() {
        assertThat(allowList.admits(Map.of("groups", List.of("staff", "hub-users")))).isTrue();
        assertThat(allowList.admits(Map.of("groups", "hub-users"))).isTrue();
        assertThat(allowList.admits(Map.of("groups", List.of("staff")))).isFalse();
        assertThat(allowList.admits(Map.of())).isFalse();
    }

    @Test
    void singleSignOnWithoutAnAllowListRefusesToStartNamingTheSettings() {
        assertThatThrownBy(() -> new SsoConfiguration().ssoClientRegistrations(sso(List.of(), List.of(), List.of())))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("would admit nobody");
    }

    private static SsoProperties sso(List<String> domains, List<String> emails, List<String> groups) {
        return new SsoProperties("https://accounts.example", "hub", "secret", null, null, null, null, domains, emails,
                null, groups);
    }
}
