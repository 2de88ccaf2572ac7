package io.audiencehub.connector;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * How the hub reaches Heap. {@code baseUrl} may be a path ({@code /sandbox/heap}), resolved against
 * this product's public URL, so the embedded sandbox works on any host and port.
 */
@ConfigurationProperties("audiencehub.heap")
public record HeapProperties(String baseUrl, String clientId, String clientSecret, Duration connectTimeout,
                             Duration readTimeout, Duration authorizationTimeout) {

    static final String CALLBACK_PATH = "/integrations/heap/oauth/callback";

    public HeapProperties {
        baseUrl = StringUtils.hasText(baseUrl) ? baseUrl : "https://heapanalytics.com";
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        authorizationTimeout = authorizationTimeout == null ? Duration.ofMinutes(10) : authorizationTimeout;
    }

    boolean configured() {
        return StringUtils.hasText(clientId) && StringUtils.hasText(clientSecret);
    }
}
