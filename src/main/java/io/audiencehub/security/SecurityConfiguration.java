package io.audiencehub.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.audiencehub.security.ui.LoginView;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: a stateless one for machines ({@code /api/**}, actuator) ordered first, where an
 * API key opens the automation API under {@code /api/v1} (reads with any key, changes with a key that
 * writes) and HTTP Basic accepts the metrics credential only, and Vaadin's for people, with the login
 * view and, where configured, single sign-on.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * What pages may load and run: only from this hub. Vaadin needs inline scripts and styles and
     * {@code eval} (its client runs code the server sends), and data: images and fonts (Lumo's icons);
     * nothing may frame the hub, and forms post only to it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Machines' answers are data, never pages: they may load nothing. */
    static final String MACHINE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** No string a machine sends the hub is longer: a page URL is at most 2,048 characters. */
    static final int MAX_JSON_STRING_LENGTH = 65_536;
    /** A segment's definition nests groups a few levels deep; nothing the hub reads needs more. */
    static final int MAX_JSON_NESTING = 64;

    /** First of all filters: a request over its client's limit costs nothing more. */
    @Bean
    FilterRegistrationBean<ClientRequestLimitFilter> clientRequestLimit(HttpLimitsProperties limits) {
        var registration = new FilterRegistrationBean<>(
                new ClientRequestLimitFilter(limits.maxConcurrentRequestsPerClient()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right after the client limit: a body too large is refused before anything reads it as JSON. */
    @Bean
    FilterRegistrationBean<MachineBodyLimitFilter> machineBodyLimit(HttpLimitsProperties limits) {
        var registration = new FilterRegistrationBean<>(new MachineBodyLimitFilter(limits.maxJsonBodySize()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Bounds what Jackson reads anywhere the hub's object mapper parses (request bodies, stored JSON):
     * the document's length, a string's and the nesting. Its own defaults allow 20 million characters
     * per string and documents of any length.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimits(HttpLimitsProperties limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxJsonBodySize().toBytes())
                .maxStringLength(MAX_JSON_STRING_LENGTH)
                .maxNestingDepth(MAX_JSON_NESTING)
                .build();
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static String[] open(List<PublicEndpoints> publicEndpoints) {
        return publicEndpoints.stream().flatMap(endpoints -> endpoints.paths().stream()).toArray(String[]::new);
    }

    /**
     * The public paths that check their own HTTP Basic credentials: ahead of the machines' chain, whose
     * Basic filter would take their callers' credentials for a try at the metrics credential.
     */
    @Bean
    @Order(0)
    SecurityFilterChain ownCredentialsFilterChain(HttpSecurity http, List<PublicEndpoints> publicEndpoints)
            throws Exception {
        List<RequestMatcher> paths = publicEndpoints.stream().filter(PublicEndpoints::checkTheirOwnCredentials)
                .flatMap(endpoints -> endpoints.paths().stream())
                .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList();
        return http
                .securityMatcher(paths.isEmpty() ? request -> false : new OrRequestMatcher(paths))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(MACHINE_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain machineFilterChain(HttpSecurity http, List<PublicEndpoints> publicEndpoints,
                                           MetricsCredentialProperties metrics, PasswordEncoder encoder,
                                           SignInThrottle throttle, AuthenticationEventPublisher events,
                                           ApiKeyService apiKeys, SecurityContextHolderStrategy securityContext)
            throws Exception {
        RequestMatcher publicPaths = new OrRequestMatcher(Arrays.stream(open(publicEndpoints))
                .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList());
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .authenticationManager(SignInConfiguration.metricsCredential(metrics, encoder, throttle, events))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, securityContext, publicPaths),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(publicPaths).permitAll()
                        // each key opens only its scopes; every service checks them again
                        .requestMatchers(ApiKeyScope.ERASURE.paths()).hasAuthority(ApiKeyScope.ERASURE_AUTHORITY)
                        .requestMatchers(HttpMethod.GET, MachineErrors.API_PATHS).hasAuthority(ApiKeyScope.READ_AUTHORITY)
                        .requestMatchers(HttpMethod.HEAD, MachineErrors.API_PATHS).hasAuthority(ApiKeyScope.READ_AUTHORITY)
                        .requestMatchers(ApiKeyScope.SEGMENTS.paths()).hasAuthority(ApiKeyScope.SEGMENTS_AUTHORITY)
                        .requestMatchers(ApiKeyScope.CAMPAIGNS.paths()).hasAuthority(ApiKeyScope.CAMPAIGNS_AUTHORITY)
                        .requestMatchers(ApiKeyScope.CONNECTORS.paths()).hasAuthority(ApiKeyScope.CONNECTORS_AUTHORITY)
                        .requestMatchers(ApiKeyScope.AUDIENCES.paths()).hasAuthority(ApiKeyScope.AUDIENCES_AUTHORITY)
                        .requestMatchers(MachineErrors.API_PATHS).denyAll()
                        .anyRequest().hasRole(SignInConfiguration.METRICS_ROLE))
                .httpBasic(basic -> basic.authenticationEntryPoint(MachineErrors::unauthorized))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(MachineErrors::unauthorized)
                        .accessDeniedHandler(MachineErrors::forbidden))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(MACHINE_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain peopleFilterChain(HttpSecurity http, List<PublicEndpoints> publicEndpoints,
                                          ObjectProvider<ClientRegistrationRepository> ssoRegistrations,
                                          ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> ssoUsers)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                // the error a request ended with (a wrong method, say) is shown to whoever made it,
                // as JSON to machines, rather than sending them to the sign-in page
                .requestMatchers("/error").permitAll()
                .requestMatchers("/images/**", "/icons/**").permitAll()
                // the OpenAPI document and its UI: admins only (machines read the document in docs/api.md's way)
                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").hasRole(Role.ADMIN_NAME)
                .requestMatchers(open(publicEndpoints)).permitAll());
        // public endpoints carry no session, so there is nothing a forged request could use
        http.csrf(csrf -> csrf.ignoringRequestMatchers(open(publicEndpoints)));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        ClientRegistrationRepository registrations = ssoRegistrations.getIfAvailable();
        if (registrations != null) {
            http.oauth2Login(login -> login
                    .loginPage("/" + LoginView.PATH)
                    .clientRegistrationRepository(registrations)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(ssoUsers.getObject())));
        }
        http.addFilterBefore(signInCsrf(), UsernamePasswordAuthenticationFilter.class);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }

    /**
     * Vaadin exempts the sign-in form's POST from CSRF protection; this puts it back, so that another
     * site cannot sign a visitor in to an account of its choosing. The form sends the token Vaadin writes
     * into the page; a POST without it goes back to the sign-in page as a failed sign-in.
     */
    private static CsrfFilter signInCsrf() {
        CsrfFilter filter = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        filter.setRequireCsrfProtectionMatcher(PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, "/" + LoginView.PATH));
        filter.setAccessDeniedHandler((request, response, denied) ->
                response.sendRedirect(request.getContextPath() + "/" + LoginView.PATH + "?error"));
        return filter;
    }
}
