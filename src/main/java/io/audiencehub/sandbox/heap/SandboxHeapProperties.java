package io.audiencehub.sandbox.heap;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

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
@Profile("sandbox")
@Validated
public record SandboxHeapProperties(String clientId, String clientSecret, @NotBlank String redirectUri,
                                    @NotNull Duration codeLifetime, @NotBlank String visitorProperty,
                                    String webhookUrl, String webhookSecret, @Positive int pageSize,
                                    @NotNull Duration recurringSyncInterval, @Positive int deliveryAttempts,
                                    @NotNull Duration retryBackoff, @NotNull Duration deliveryTimeout) {
}
