package io.audiencehub.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How password guessing is slowed ({@link SignInThrottle}). Defaults are in {@code application.yml}.
 *
 * @param lockAfter failed sign-ins in a row after which an account is locked
 * @param longestLock the longest an account is locked, however many further failures
 * @param addressFailures failed sign-ins from one client address that stop it from trying
 * @param addressWindow the window those are counted in, and how long the address waits
 */
@ConfigurationProperties("audiencehub.sign-in")
@Validated
public record SignInThrottleProperties(@Positive int lockAfter, @NotNull Duration longestLock,
                                       @Positive int addressFailures, @NotNull Duration addressWindow) {
}
