package io.audiencehub.visitor;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The visitor registry's intake: which site origins may report visitors, how reports are buffered
 * and flushed, and how many reports a second one client address may send. Defaults are in
 * {@code application.yml}.
 *
 * @param allowedOrigins origin patterns of the sites carrying the tag, e.g. {@code https://*.example.com}
 * @param flushInterval how often buffered reports are written; a crash loses at most this much
 * @param bufferCapacity reports held at most between flushes; beyond it the endpoint answers 503
 * @param ratePerSecond reports a second per client address, sustained
 * @param rateBurst reports one client address may send at once
 * @param retention how long a visitor the tag no longer reports is kept: then the registry forgets it and
 *                  the audiences stop counting it (the tag's cookie lasts 396 days)
 */
@ConfigurationProperties("audiencehub.visitors")
@Validated
public record VisitorProperties(List<String> allowedOrigins, @NotNull Duration flushInterval,
                                @Positive int bufferCapacity, @Positive int ratePerSecond, @Positive int rateBurst,
                                @NotNull Duration retention) {

    public VisitorProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        if (retention != null && retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("audiencehub.visitors.retention must be at least 1d, not " + retention
                    + ": visitors would be forgotten between two visits of the same day");
        }
    }
}
