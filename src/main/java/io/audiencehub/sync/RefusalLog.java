package io.audiencehub.sync;

import io.audiencehub.base.BackgroundLoop;
import io.audiencehub.base.ConflictRetry;
import io.audiencehub.base.LoopOrder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refused deliveries, counted in memory per connector, status and minute, with the first of each as
 * a sample, and added to the database every few seconds: a flood of refusals costs a few writes and a
 * row a minute, and the Directory shows "312 refusals, 12:03-12:04" instead of 312 lines.
 */
@Component
class RefusalLog extends BackgroundLoop {

    static final int MAX_REASON = 1_000;

    private record Key(long connectorKey, int status, Instant minute) {
    }

    private final SyncRepository sync;
    private final TransactionTemplate transaction;
    private final Map<Key, SyncRejection> counting = new ConcurrentHashMap<>();

    RefusalLog(SyncRepository sync, TransactionTemplate transaction, MeterRegistry metrics) {
        super("sync-refusals", Duration.ofSeconds(5), LoopOrder.SYNC_REFUSALS, metrics);
        this.sync = sync;
        this.transaction = transaction;
    }

    /**
     * Counts a refusal; true when it is the first of its connector, answer and minute since the last
     * round was written, so that the caller logs a flood a line every few seconds, not a line a request.
     */
    boolean record(Long connectorId, String idToken, int status, String reason, String clientAddress, Instant at) {
        String sample = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason;
        return count(new SyncRejection(at, at, connectorId, idToken, status, sample, 1, clientAddress));
    }

    /** Writes what was counted since the last round; what fails to be written is counted again next round. */
    @Override
    protected void runOnce() {
        List<SyncRejection> counted = new ArrayList<>();
        for (Key key : List.copyOf(counting.keySet())) {
            SyncRejection refusals = counting.remove(key);
            if (refusals != null) {
                counted.add(refusals);
            }
        }
        if (counted.isEmpty()) {
            return;
        }
        try {
            ConflictRetry.executeWithoutResult(transaction, status -> sync.addRefusals(counted));
        } catch (RuntimeException e) {
            counted.forEach(this::count);
            throw e;
        }
    }

    @Override
    protected void afterLastRound() {
        runOnce();
    }

    private boolean count(SyncRejection refusals) {
        boolean[] first = {false};
        counting.compute(new Key(refusals.connectorId() == null ? 0 : refusals.connectorId(), refusals.status(),
                refusals.firstAt().truncatedTo(ChronoUnit.MINUTES)), (key, counted) -> {
            first[0] = counted == null;
            return counted == null ? refusals : add(counted, refusals);
        });
        return first[0];
    }

    private static SyncRejection add(SyncRejection earlier, SyncRejection later) {
        return new SyncRejection(earlier.firstAt().isBefore(later.firstAt()) ? earlier.firstAt() : later.firstAt(),
                earlier.lastAt().isAfter(later.lastAt()) ? earlier.lastAt() : later.lastAt(), earlier.connectorId(),
                earlier.idToken(), earlier.status(), earlier.reason(), earlier.refusals() + later.refusals(),
                earlier.clientAddress());
    }
}
