package io.audiencehub.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Who signs in with what: people with their local password through the sign-in form (throttled by
 * {@link SignInThrottle}), machines with the metrics credential through HTTP Basic, and nothing else.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    static final String METRICS_ROLE = "METRICS";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneId.of("UTC"));

    /**
     * People's passwords, refused outright from an address that failed too often, and for a locked
     * account from the addresses that failed lately.
     */
    @Bean
    AuthenticationProvider localUsers(LocalUserRepository users, PasswordEncoder encoder, SignInThrottle throttle,
                                      Clock clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new LocalUserDetailsService(users));
        passwords.setPasswordEncoder(encoder);
        return throttled(lockedForFailingAddresses(passwords, users, throttle, clock), throttle);
    }

    private static AuthenticationProvider lockedForFailingAddresses(AuthenticationProvider provider,
                                                                    LocalUserRepository users, SignInThrottle throttle,
                                                                    Clock clock) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) throws AuthenticationException {
                Instant now = clock.instant();
                Instant lockedUntil = users.findCredentials(attempt.getName())
                        .map(LocalUserRepository.Credentials::lockedUntil)
                        .filter(until -> until.isAfter(now)).orElse(null);
                if (lockedUntil != null && throttle.failedRecently(SignInThrottle.addressOf(attempt))) {
                    throw new LockedException("This account is locked after failed sign-ins from your address"
                            + " until " + TIME.format(lockedUntil) + "; an admin can unlock it under Users.");
                }
                return provider.authenticate(attempt);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return provider.supports(authentication);
            }
        };
    }


    /**
     * The metrics scraper's credential, the only one HTTP Basic accepts (without a password, none),
     * throttled per address like people's sign-ins.
     */
    static AuthenticationManager metricsCredential(MetricsCredentialProperties metrics, PasswordEncoder encoder,
                                                   SignInThrottle throttle, AuthenticationEventPublisher events) {
        InMemoryUserDetailsManager credentials = new InMemoryUserDetailsManager();
        if (metrics.passwordSet()) {
            credentials.createUser(User.withUsername(metrics.username()).password(encoder.encode(metrics.password()))
                    .roles(METRICS_ROLE).build());
        }
        DaoAuthenticationProvider basic = new DaoAuthenticationProvider(credentials);
        basic.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(List.of(throttled(basic, throttle)));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    private static AuthenticationProvider throttled(AuthenticationProvider provider, SignInThrottle throttle) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) throws AuthenticationException {
                Instant blockedUntil = throttle.addressBlockedUntil(SignInThrottle.addressOf(attempt));
                if (blockedUntil != null) {
                    throw new LockedException("Too many failed sign-ins from your address; try again after "
                            + TIME.format(blockedUntil) + ".");
                }
                return provider.authenticate(attempt);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return provider.supports(authentication);
            }
        };
    }
}
