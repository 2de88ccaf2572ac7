package io.audiencehub.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The Heap webhook receiver.
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
 */
@ConfigurationProperties("audiencehub.sync")
public record SyncProperties(String webhookSecret, String previousWebhookSecret, DataSize maxBodySize,
                             int maxIdLength, int maxNestingDepth, Duration applyWait, Duration incompleteAfter,
                             Duration staleAfter) {

    public SyncProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(50) : maxBodySize;
        maxIdLength = maxIdLength <= 0 ? 256 : maxIdLength;
        maxNestingDepth = maxNestingDepth <= 0 ? 32 : maxNestingDepth;
        applyWait = applyWait == null ? Duration.ofMillis(1500) : applyWait;
        incompleteAfter = incompleteAfter == null ? Duration.ofMinutes(30) : incompleteAfter;
        staleAfter = staleAfter == null ? Duration.ofHours(5) : staleAfter;
    }
}
