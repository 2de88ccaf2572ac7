package io.audiencehub.sandbox.heap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sandbox is another system, Heap: its pages and endpoints do not need a hub sign-in. The consent
 * form keeps CSRF protection; the token endpoint, called server to server, does not use it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
class SandboxSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain heapSandboxFilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/sandbox/heap/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(SandboxOAuthController.BASE + "/oauth/token"))
                .build();
    }
}
