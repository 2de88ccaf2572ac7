package io.audiencehub.sandbox.heap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sandbox is other systems, Heap and a customer's website: its pages and endpoints do not need a
 * hub sign-in. Forms keep CSRF protection; the token endpoint (server to server) and heap.js's
 * tracking calls (from any page) do not use it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
class SandboxSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain heapSandboxFilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/sandbox/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(SandboxOAuthController.BASE + "/oauth/token",
                        SandboxSiteController.TRACK))
                .build();
    }
}
