package io.audiencehub.alert;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Alerts. Defaults are in {@code application.yml}.
 *
 * @param webhookUrl where incidents and their resolutions are posted (Slack's incoming webhooks and
 *                   anything that takes {@code {"text": "..."}}); none: they are only shown and counted
 * @param checkEvery how often the state is evaluated and pending notifications sent
 * @param firstRetry the wait before the first retry of a notification the webhook refused; it doubles
 *                   with each failure, up to {@code maxRetryDelay}
 * @param maxRetryDelay the longest wait between two attempts
 * @param webhookTimeout how long one attempt may take
 */
@ConfigurationProperties("audiencehub.alerts")
@Validated
public record AlertProperties(URI webhookUrl, @NotNull Duration checkEvery, @NotNull Duration firstRetry,
                              @NotNull Duration maxRetryDelay, @NotNull Duration webhookTimeout) {
}
