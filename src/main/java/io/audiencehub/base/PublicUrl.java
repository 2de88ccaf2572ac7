package io.audiencehub.base;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address people and providers reach this product at: {@code audiencehub.public-url} when set,
 * else the address of the current request (forwarded headers from a proxy included).
 */
@Component
public class PublicUrl {

    private final String configured;

    PublicUrl(@Value("${audiencehub.public-url:}") String configured) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /** Without a trailing slash, e.g. {@code https://hub.example.com}. */
    private String base() {
        return StringUtils.hasText(configured) ? configured
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /** {@code pathOrUrl} made absolute against {@link #base()}, or returned as it is when already absolute. */
    public String resolve(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return pathOrUrl.endsWith("/") ? pathOrUrl.substring(0, pathOrUrl.length() - 1) : pathOrUrl;
        }
        return base() + (pathOrUrl.startsWith("/") ? pathOrUrl : "/" + pathOrUrl);
    }
}
