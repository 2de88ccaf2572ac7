package io.audiencehub.sync;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The Heap webhook receiver. Defaults are in {@code application.yml}.
 *
 * @param webhookSecret the secret Heap signs deliveries with ({@code webhook_secret_key})
 * @param previousWebhookSecret also accepted while a new secret is rolled out, then removed
 * @param maxBodySize larger deliveries are refused before they are read
 * @param maxIdLength longest member id accepted
 * @param maxNestingDepth deepest JSON nesting accepted
 * @param applyWait how long a delivery waits for its page to be applied before answering; the page is
 *                  durable before the wait, so a slower apply finishes in the background
 * @param incompleteAfter a sync run still missing pages this long after its last page is incomplete
 * @param staleAfter a connector whose segments sync on a schedule is stale after this long without a delivery
 * @param maxConcurrentDeliveries deliveries read and stored at once; more are answered 503 with Retry-After
 *                                before their body is read, and Heap retries them
 * @param maxConcurrentDeliveriesPerClient of those, how many one client address may have at once
 * @param bodyReadTimeout a delivery whose body has not fully arrived after this long is refused (408), so that
 *                        a client sending slowly cannot hold the receiver
 */
@ConfigurationProperties("audiencehub.sync")
@Validated
public record SyncProperties(String webhookSecret, String previousWebhookSecret, @NotNull DataSize maxBodySize,
                             @Positive int maxIdLength, @Positive int maxNestingDepth, @NotNull Duration applyWait,
                             @NotNull Duration incompleteAfter, @NotNull Duration staleAfter,
                             @Positive int maxConcurrentDeliveries, @Positive int maxConcurrentDeliveriesPerClient,
                             @NotNull Duration bodyReadTimeout) {
}
