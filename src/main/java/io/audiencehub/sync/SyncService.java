package io.audiencehub.sync;

import io.audiencehub.audience.MemberKeys;
import io.audiencehub.sync.ConnectorSyncStatus.Health;
import io.audiencehub.sync.SyncRepository.LastDeliveries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Segment sync deliveries: pages stored durably once, sync runs, refused deliveries, connector health. */
@Service
public class SyncService {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);
    private static final Duration REJECTIONS_KEPT = Duration.ofDays(30);

    private final SyncRepository sync;
    private final SyncProperties settings;
    private final Clock clock;

    SyncService(SyncRepository sync, SyncProperties settings, Clock clock) {
        this.sync = sync;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Stores a page with its member keys (adds, then removes) and counts it into its run, in one
     * transaction. Empty when the page was stored before: a retried delivery is not applied again.
     */
    @Transactional
    Optional<Long> store(long connectorId, SegmentSyncPage page, long[] addKeys, long[] removeKeys) {
        long[] keys = new long[addKeys.length + removeKeys.length];
        System.arraycopy(addKeys, 0, keys, 0, addKeys.length);
        System.arraycopy(removeKeys, 0, keys, addKeys.length, removeKeys.length);
        Instant now = clock.instant();
        Optional<Long> pageId = sync.insertPage(connectorId, page, MemberKeys.encode(keys), now);
        pageId.ifPresent(stored -> sync.countReceived(connectorId, page, now));
        return pageId;
    }

    @Transactional
    void recordRejection(Long connectorId, String idToken, int status, String reason) {
        sync.insertRejection(clock.instant(), connectorId, idToken, status, reason);
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    @Transactional
    void forgetOldRejections() {
        int deleted = sync.deleteRejectionsBefore(clock.instant().minus(REJECTIONS_KEPT));
        if (deleted > 0) {
            log.info("Forgot {} refused deliveries older than {} days", deleted, REJECTIONS_KEPT.toDays());
        }
    }

    /** A segment's sync runs, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<SyncRun> runs(long connectorId, long segmentId, int offset, int limit) {
        return sync.runs(connectorId, segmentId, offset, limit);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int countRuns(long connectorId, long segmentId) {
        return sync.countRuns(connectorId, segmentId);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<SyncRun> run(long connectorId, String syncTaskId) {
        return sync.run(connectorId, syncTaskId);
    }

    /** Refused deliveries, newest first: a connector's, or with null those that named no connector. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<SyncRejection> rejections(Long connectorId, int offset, int limit) {
        return sync.rejections(connectorId, offset, limit);
    }

    public SyncRun.Status statusOf(SyncRun run) {
        return run.status(clock.instant(), settings.incompleteAfter());
    }

    /**
     * Health per connector: failing when its latest delivery was refused or a page keeps failing to
     * apply; stale when a segment of it has synced more than once (a recurring sync) and nothing came
     * for {@code stale-after}; waiting before any delivery; healthy otherwise.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, ConnectorSyncStatus> statuses(Collection<Long> connectorIds) {
        Map<Long, ConnectorSyncStatus> statuses = new HashMap<>();
        Instant now = clock.instant();
        for (LastDeliveries last : sync.lastDeliveries(connectorIds)) {
            SyncRun.Status lastRun = last.lastPageAt() == null ? null
                    : sync.latestRun(last.connectorId()).map(this::statusOf).orElse(null);
            statuses.put(last.connectorId(), new ConnectorSyncStatus(last.connectorId(), last.lastPageAt(), lastRun,
                    health(last, now), healthReason(last, now)));
        }
        connectorIds.forEach(id -> statuses.computeIfAbsent(id,
                absent -> new ConnectorSyncStatus(id, null, null, Health.WAITING, "no delivery yet")));
        return statuses;
    }

    private Health health(LastDeliveries last, Instant now) {
        if (last.lastPageErrorAt() != null || isAfter(last.lastRejectionAt(), last.lastPageAt())) {
            return Health.FAILING;
        }
        if (last.lastPageAt() == null) {
            return Health.WAITING;
        }
        if (last.repeatedSyncs() > 0 && last.lastPageAt().plus(settings.staleAfter()).isBefore(now)) {
            return Health.STALE;
        }
        return Health.HEALTHY;
    }

    private String healthReason(LastDeliveries last, Instant now) {
        return switch (health(last, now)) {
            case FAILING -> last.lastPageErrorAt() != null ? "a received page keeps failing to apply"
                    : "its latest delivery was refused";
            case STALE -> "recurring sync, nothing received for more than " + settings.staleAfter().toHours() + " h";
            case WAITING -> "no delivery yet";
            case HEALTHY -> "deliveries arrive and apply";
        };
    }

    private static boolean isAfter(Instant candidate, Instant reference) {
        return candidate != null && (reference == null || candidate.isAfter(reference));
    }
}
