package io.audiencehub.sandbox.heap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The partner app the Heap sandbox knows: its client credentials and registered redirect URI (a
 * path is resolved against this product's public URL, so it follows whatever host and port it runs on).
 */
@ConfigurationProperties("audiencehub.sandbox.heap")
public record SandboxHeapProperties(String clientId, String clientSecret, String redirectUri, Duration codeLifetime,
                                    String visitorProperty) {

    public SandboxHeapProperties {
        redirectUri = redirectUri == null ? "/integrations/heap/oauth/callback" : redirectUri;
        codeLifetime = codeLifetime == null ? Duration.ofSeconds(60) : codeLifetime;
        visitorProperty = visitorProperty == null ? "ABTastyVisitorId" : visitorProperty;
    }
}
