package io.audiencehub.audience;

import io.audiencehub.audience.OverrideRepository.Pending;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the writer, every round of the {@link AudienceLoop}: applies the changes of always-in and always-out ids
 * admins asked for on any hub, in one transaction with what it records of them. An erased visitor's request is
 * dropped: it can be in no audience again until its erasure is lifted.
 */
@Component
class OverrideApplier {

    private static final Logger log = LoggerFactory.getLogger(OverrideApplier.class);
    /** Two full pastes; more wait for the next round. */
    private static final int REQUESTS_PER_ROUND = 20_000;

    private final OverrideRepository overrides;
    private final AudienceWriter writer;
    private final SuppressedKeys suppressed;
    private final TransactionTemplate transaction;

    OverrideApplier(OverrideRepository overrides, AudienceWriter writer, SuppressedKeys suppressed,
                    TransactionTemplate transaction) {
        this.overrides = overrides;
        this.writer = writer;
        this.suppressed = suppressed;
        this.transaction = transaction;
    }

    void applyPending() {
        if (!overrides.anyPending()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            // the writer's turn first, then the rows: a sync holds the one while it waits for the other
            writer.beginWrite();
            Map<Long, List<Pending>> byAudience = new LinkedHashMap<>();
            for (Pending request : overrides.pending(REQUESTS_PER_ROUND)) {
                if (suppressed.contains(request.memberKey())) {
                    overrides.forget(request.memberKey());
                } else {
                    byAudience.computeIfAbsent(request.audienceId(), audience -> new ArrayList<>()).add(request);
                }
            }
            byAudience.forEach((audienceId, requests) -> {
                boolean[] synced = writer.applyOverrides(audienceId, requests);
                for (int index = 0; index < synced.length; index++) {
                    Pending request = requests.get(index);
                    overrides.settle(request, OverrideRepository.REMOVE.equals(request.requestedRule()) ? null
                            : OverrideRule.valueOf(request.requestedRule()), synced[index]);
                }
                log.info("Applied {} changes of audience {}'s always-in and always-out ids", requests.size(),
                        audienceId);
            });
        });
    }
}
