package io.audiencehub.connector;

import io.audiencehub.connector.ConnectorRepository.StoredToken;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves every stored token to the newest key of the ring, on one hub of a cluster, a minute after start
 * and hourly: after a rotation, the older keys can leave the ring once
 * {@code audiencehub_crypto_tokens_under_older_keys} reads 0. Each token is replaced only if it did not
 * change meanwhile.
 */
@Component
class TokenReencryption {

    private static final Logger log = LoggerFactory.getLogger(TokenReencryption.class);

    private final ConnectorRepository connectors;
    private final TokenCipher cipher;
    private final AtomicInteger underOlderKeys = new AtomicInteger();

    TokenReencryption(ConnectorRepository connectors, TokenCipher cipher, MeterRegistry metrics) {
        this.connectors = connectors;
        this.cipher = cipher;
        Gauge.builder("audiencehub.crypto.tokens.under.older.keys", underOlderKeys, AtomicInteger::get)
                .description("Stored tokens not yet encrypted with the newest token key").register(metrics);
    }

    @Scheduled(initialDelay = 1, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "token-reencryption", lockAtMostFor = "PT10M")
    void reencryptOnOneHub() {
        reencrypt();
    }

    /** Re-encrypts the tokens stored under an older key; how many it moved. */
    int reencrypt() {
        int moved = 0;
        int left = 0;
        for (StoredToken token : connectors.storedTokens()) {
            if (cipher.isUnderNewestKey(token.accessToken())) {
                continue;
            }
            try {
                byte[] fresh = cipher.encrypt(cipher.decrypt(token.accessToken()));
                if (connectors.reencryptToken(token.id(), token.accessToken(), fresh)) {
                    moved++;
                } else {
                    left++;
                }
            } catch (IllegalStateException e) {
                left++;
                log.error("The token of connector {} cannot be re-encrypted: {}", token.id(), e.getMessage());
            }
        }
        underOlderKeys.set(left);
        if (moved > 0) {
            log.info("Re-encrypted {} stored tokens with the newest token key", moved);
        }
        return moved;
    }
}
