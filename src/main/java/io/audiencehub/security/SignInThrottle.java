package io.audiencehub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing, per account and per client address. An account whose password is wrong
 * {@code lock-after} times in a row is locked for a minute, then for twice as long after each further
 * failure, up to {@code longest-lock}, for every address that failed a sign-in within {@code
 * address-window}; an address that did not may try once more, so that a wrong password now and then
 * cannot keep a person out. A successful sign-in or an admin's unlock (under Users) clears the lock. A client address with {@code address-failures} failed sign-ins, whatever the accounts, within
 * {@code address-window} may not try again until the window has passed. Addresses are counted in this
 * instance's memory; accounts in the database, so every instance sees their locks.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /** Failed sign-ins from one address since {@code since}. */
    private record AddressFailures(Instant since, int count) {
    }

    private final LocalUserRepository users;
    private final SignInThrottleProperties settings;
    private final Clock clock;
    private final Map<String, AddressFailures> addresses = new ConcurrentHashMap<>();

    SignInThrottle(LocalUserRepository users, SignInThrottleProperties settings, Clock clock) {
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    /** Until when this address may not sign in, or null when it may. */
    Instant addressBlockedUntil(String address) {
        AddressFailures failures = address == null ? null : addresses.get(address);
        if (failures == null || failures.count() < settings.addressFailures()) {
            return null;
        }
        Instant until = failures.since().plus(settings.addressWindow());
        return until.isAfter(clock.instant()) ? until : null;
    }

    /**
     * Whether this address failed a sign-in within the window: a locked account stays locked for it,
     * while an address that never failed may still try the right password, so that nobody can lock a
     * person out by failing on purpose.
     */
    boolean failedRecently(String address) {
        AddressFailures failures = address == null ? null : addresses.get(address);
        return failures != null && failures.since().plus(settings.addressWindow()).isAfter(clock.instant());
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent failure) {
        Authentication attempt = failure.getAuthentication();
        String address = addressOf(attempt);
        if (address != null) {
            Instant now = clock.instant();
            AddressFailures counted = addresses.merge(address, new AddressFailures(now, 1), (current, one) ->
                    current.since().plus(settings.addressWindow()).isBefore(now) ? one
                            : new AddressFailures(current.since(), current.count() + 1));
            if (counted.count() == settings.addressFailures()) {
                log.warn("Sign-in refused from {} until {}: {} failed sign-ins", address,
                        counted.since().plus(settings.addressWindow()), counted.count());
            }
        }
        if (failure instanceof AuthenticationFailureBadCredentialsEvent && attempt.getName() != null) {
            users.countFailedSignIn(attempt.getName(), settings.lockAfter(), settings.longestLock(), clock.instant());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent success) {
        users.clearFailedSignIns(success.getAuthentication().getName());
    }

    /** Forgets the addresses whose window has passed, so that a flood of addresses costs bounded memory. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void forgetPastAddresses() {
        Instant now = clock.instant();
        addresses.values().removeIf(failures -> failures.since().plus(settings.addressWindow()).isBefore(now));
    }

    static String addressOf(Authentication attempt) {
        return attempt != null && attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }
}
