package io.audiencehub.sync;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Heap's {@code Heap-Hash} ({@link WebhookSignature}), with the hub's webhook secret and, during a
 * rotation, the previous one. Without a configured secret every delivery is a 403.
 */
@Component
class HeapSignature {

    static final String HEADER = "Heap-Hash";

    private final List<byte[]> secrets = new ArrayList<>();
    private final WebhookSignature signature;

    HeapSignature(SyncProperties settings, Clock clock) {
        this.signature = new WebhookSignature(HEADER, "Heap", "Heap's webhook secret differs from"
                + " AUDIENCEHUB_SYNC_WEBHOOKSECRET", clock);
        for (String secret : new String[] {settings.webhookSecret(), settings.previousWebhookSecret()}) {
            if (StringUtils.hasText(secret)) {
                secrets.add(secret.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Checks the header alone: missing, malformed or outside the time window is a 400, and no secret
     * configured a 403, all without reading the body.
     */
    WebhookSignature.Signed header(String header) {
        WebhookSignature.Signed signed = signature.read(header);
        if (secrets.isEmpty()) {
            throw new WebhookRejected(403, "No webhook secret is configured on this hub: set"
                    + " AUDIENCEHUB_SYNC_WEBHOOKSECRET to Heap's webhook_secret_key.");
        }
        return signed;
    }

    void verify(WebhookSignature.Signed signed, byte[] body) {
        signature.verify(signed, body, secrets);
    }
}
