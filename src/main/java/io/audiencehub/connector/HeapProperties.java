package io.audiencehub.connector;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub reaches Heap. {@code baseUrl} may be a path ({@code /sandbox/heap}), resolved against
 * this product's public URL, so the embedded sandbox works on any host and port. Defaults are in
 * {@code application.yml}.
 */
@ConfigurationProperties("audiencehub.heap")
@Validated
public record HeapProperties(@NotBlank String baseUrl, String clientId, String clientSecret,
                             @NotNull Duration connectTimeout, @NotNull Duration readTimeout,
                             @NotNull Duration authorizationTimeout) {

    static final String CALLBACK_PATH = "/integrations/heap/oauth/callback";

    boolean configured() {
        return StringUtils.hasText(clientId) && StringUtils.hasText(clientSecret);
    }
}
