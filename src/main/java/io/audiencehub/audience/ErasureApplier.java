package io.audiencehub.audience;

import java.time.Clock;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the writer, every round of the {@link AudienceLoop}: carries out the erasures and lifts admins
 * asked for on any hub. An erasure removes the member from every audience, from their always-in and
 * always-out ids and from the known visitors in one transaction, and its key is suppressed from then on
 * ({@link MemberErased} tells other features in that transaction); a lift drops the suppression.
 */
@Component
class ErasureApplier {

    private static final Logger log = LoggerFactory.getLogger(ErasureApplier.class);

    private final ErasureRepository erasures;
    private final OverrideRepository overrides;
    private final SuppressedKeys suppressed;
    private final AudienceWriter writer;
    private final TransactionTemplate transaction;
    private final AudienceStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ErasureApplier(ErasureRepository erasures, OverrideRepository overrides, SuppressedKeys suppressed,
                   AudienceWriter writer, TransactionTemplate transaction, AudienceStore store,
                   ApplicationEventPublisher events, Clock clock) {
        this.overrides = overrides;
        this.store = store;
        this.events = events;
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
                    int sequence = store.sequenceOf(key);
                    if (sequence != LongIntMap.ABSENT) {
                        events.publishEvent(new MemberErased(MemberSet.of(RoaringBitmap.bitmapOf(sequence)).toBytes()));
                    }
                    int memberships = writer.erase(key);
                    overrides.forget(key);
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
