package io.audiencehub.sandbox.heap;

import io.audiencehub.base.Refusal;
import io.audiencehub.sandbox.mixpanel.SandboxMixpanelController;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sandbox is other systems, Heap, Mixpanel and a customer's website: its pages and endpoints do not
 * need a hub sign-in, except the demo site's "simulate visitors", which writes and so needs an admin.
 * Forms keep CSRF protection; the token endpoint (server to server) and the tracking calls of heap.js and
 * mixpanel.js (from any page) do not use it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
class SandboxSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain heapSandboxFilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/sandbox/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, SandboxSiteController.SIMULATE).hasRole("ADMIN")
                        .anyRequest().permitAll())
                // answered here: sendError would dispatch to /error, which redirects to the sign-in page
                .exceptionHandling(refusals -> refusals
                        .authenticationEntryPoint((request, response, e) -> adminRequired(response))
                        .accessDeniedHandler((request, response, e) -> adminRequired(response)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SandboxOAuthController.BASE + "/oauth/token",
                        SandboxSiteController.TRACK, SandboxMixpanelController.API))
                .build();
    }

    private static void adminRequired(HttpServletResponse response) throws IOException {
        Refusal.write(response, HttpServletResponse.SC_FORBIDDEN, "Sign in to the hub as an admin to simulate visitors.");
    }
}
