package io.audiencehub.visitor;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The visitor registry's intake: which site origins may report visitors, how reports are buffered
 * and flushed, and how many reports a second one client address may send.
 *
 * @param allowedOrigins origin patterns of the sites carrying the tag, e.g. {@code https://*.example.com}
 * @param flushInterval how often buffered reports are written; a crash loses at most this much
 * @param bufferCapacity reports held at most between flushes; beyond it the endpoint answers 503
 * @param ratePerSecond reports a second per client address, sustained
 * @param rateBurst reports one client address may send at once
 */
@ConfigurationProperties("audiencehub.visitors")
public record VisitorProperties(List<String> allowedOrigins, Duration flushInterval, int bufferCapacity,
                                int ratePerSecond, int rateBurst) {

    public VisitorProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        flushInterval = flushInterval == null ? Duration.ofSeconds(1) : flushInterval;
        bufferCapacity = bufferCapacity <= 0 ? 200_000 : bufferCapacity;
        ratePerSecond = ratePerSecond <= 0 ? 20 : ratePerSecond;
        rateBurst = rateBurst <= 0 ? 2 * ratePerSecond : rateBurst;
    }
}
