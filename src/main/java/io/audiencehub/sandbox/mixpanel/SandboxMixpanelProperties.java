package io.audiencehub.sandbox.mixpanel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * How the Mixpanel sandbox exports cohorts, as Mixpanel's cohort sync does (../shared/mixpanel-cohort-sync.md).
 *
 * @param visitorProperty the user property the site tag sets the visitor id in (Mixpanel's AB Tasty integration:
 *                        abtasty_visitor_id)
 * @param pageSize members a call (Mixpanel: 1,000)
 * @param recurringSyncInterval time between the syncs of a recurring export (Mixpanel: 30 minutes)
 * @param retries retries of a call answered 429 or 5xx, or not answered (Mixpanel: 5 within 60 seconds)
 * @param retryBackoff delay before the first retry, doubled for each next one
 * @param deliveryTimeout how long one attempt waits for the answer
 * @param snapshotLifetime how long the last successful sync is the base of diffs; older, a full sync is sent
 *                         (Mixpanel: 3 days)
 */
@ConfigurationProperties("audiencehub.sandbox.mixpanel")
@Profile("sandbox")
@Validated
public record SandboxMixpanelProperties(@NotBlank String visitorProperty, @Positive int pageSize, @NotNull Duration recurringSyncInterval,
                                        @PositiveOrZero int retries, @NotNull Duration retryBackoff,
                                        @NotNull Duration deliveryTimeout, @NotNull Duration snapshotLifetime) {
}
