package io.audiencehub.sandbox.heap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The partner app the Heap sandbox knows: its client credentials and registered redirect URI (a
 * path is resolved against this product's public URL, so it follows whatever host and port it runs on),
 * and where and how its segment exports are delivered.
 *
 * @param webhookUrl the partner app's webhook; empty for this hub's own receiver on its local port
 * @param webhookSecret the secret deliveries are signed with ({@code webhook_secret_key})
 * @param pageSize ids per delivered page
 * @param recurringSyncInterval time between the syncs of a recurring export (Heap: 4 h)
 * @param deliveryAttempts attempts per page before the sync fails
 * @param retryBackoff delay before the first retry, doubled for each next one
 * @param deliveryTimeout how long one attempt waits for the answer
 */
@ConfigurationProperties("audiencehub.sandbox.heap")
public record SandboxHeapProperties(String clientId, String clientSecret, String redirectUri, Duration codeLifetime,
                                    String visitorProperty, String webhookUrl, String webhookSecret, int pageSize,
                                    Duration recurringSyncInterval, int deliveryAttempts, Duration retryBackoff,
                                    Duration deliveryTimeout) {

    public SandboxHeapProperties {
        redirectUri = redirectUri == null ? "/integrations/heap/oauth/callback" : redirectUri;
        codeLifetime = codeLifetime == null ? Duration.ofSeconds(60) : codeLifetime;
        visitorProperty = visitorProperty == null ? "ABTastyVisitorId" : visitorProperty;
        pageSize = pageSize <= 0 ? 10_000 : pageSize;
        recurringSyncInterval = recurringSyncInterval == null ? Duration.ofHours(4) : recurringSyncInterval;
        deliveryAttempts = deliveryAttempts <= 0 ? 5 : deliveryAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
        deliveryTimeout = deliveryTimeout == null ? Duration.ofSeconds(10) : deliveryTimeout;
    }
}
