package io.audiencehub.audience;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the writer, every round of the {@link AudienceLoop}: carries out the erasures and lifts admins
 * asked for on any hub. An erasure removes the member from every audience and from the known visitors
 * in one transaction, and its key is suppressed from then on; a lift drops the suppression.
 */
@Component
class ErasureApplier {

    private static final Logger log = LoggerFactory.getLogger(ErasureApplier.class);

    private final ErasureRepository erasures;
    private final SuppressedKeys suppressed;
    private final AudienceWriter writer;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ErasureApplier(ErasureRepository erasures, SuppressedKeys suppressed, AudienceWriter writer,
                   TransactionTemplate transaction, Clock clock) {
        this.erasures = erasures;
        this.suppressed = suppressed;
        this.writer = writer;
        this.transaction = transaction;
        this.clock = clock;
    }

    void applyPending() {
        for (Suppression request : erasures.pending()) {
            long key = request.memberKey();
            if (request.appliedAt() == null) {
                // suppressed before the removal commits, so that no page applied meanwhile adds it back
                suppressed.add(key);
                int removed = transaction.execute(status -> {
                    int memberships = writer.erase(key);
                    erasures.markApplied(key, clock.instant(), memberships);
                    return memberships;
                });
                log.info("Erased member {} from {} audiences", request.keyText(), removed);
            }
            if (request.liftRequestedAt() != null) {
                transaction.executeWithoutResult(status -> {
                    writer.restoreKey(key);
                    erasures.delete(key);
                });
                suppressed.remove(key);
                log.info("Lifted the suppression of member {}", request.keyText());
            }
        }
    }
}
