package io.audiencehub.sync;

import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.MemberBatch;
import io.audiencehub.base.ConflictRetry;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.ConnectorKind;
import io.audiencehub.sync.ConnectorSyncStatus.Health;
import io.audiencehub.sync.SyncRepository.LastDeliveries;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Segment sync deliveries: pages stored durably once and applied by the {@link SyncPageApplier}, sync
 * runs, refused deliveries and connector health.
 */
@Service
public class SyncService {

    /** What became of a delivered page. */
    public enum Delivery { APPLIED, QUEUED, DUPLICATE }

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);
    private static final Duration REJECTIONS_KEPT = Duration.ofDays(30);

    private final SyncRepository sync;
    private final ConnectorService connectors;
    private final AudienceService audiences;
    private final SyncPageApplier applier;
    private final RefusalLog refusals;
    private final SyncProperties settings;
    private final TransactionTemplate transaction;
    private final MeterRegistry metrics;
    private final Clock clock;

    SyncService(SyncRepository sync, ConnectorService connectors, AudienceService audiences, SyncPageApplier applier,
                RefusalLog refusals, SyncProperties settings, TransactionTemplate transaction, MeterRegistry metrics,
                Clock clock) {
        this.refusals = refusals;
        this.sync = sync;
        this.connectors = connectors;
        this.audiences = audiences;
        this.applier = applier;
        this.settings = settings;
        this.transaction = transaction;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Routes a verified page to its validated connector, stores it with its members and counts it into
     * its run in one transaction. Returns the stored page's id, or empty when it was stored before: it is
     * not stored or applied again.
     */
    Optional<StoredPage> store(ConnectorKind kind, DeliveredPage delivered) {
        Connector connector = connectors.forTokenId(kind, delivered.idToken())
                .filter(Connector::validated)
                .orElseThrow(() -> unknownToken(kind, delivered.idToken()));
        return store(connector.id(), delivered.page(), delivered.idToken());
    }

    private Optional<StoredPage> store(long connectorId, SyncPage page, String idToken) {
        MemberBatch members = audiences.memberBatch(page.add(), page.remove());
        List<byte[]> ids = new PageIds(page.add(), page.remove()).encode();
        return ConflictRetry.execute(transaction, status -> store(connectorId, page, members, ids, idToken));
    }

    /**
     * Replaces the members of the connector's audience of {@code audienceKey} (see {@code Audience}) with
     * {@code members} as one change: stored as a one-page sync run (history and counts as for any sync) and
     * applied by the audience writer, wherever it runs, in one transaction; until then the previous members
     * stay. Waits up to {@code wait} for it.
     *
     * @return {@code APPLIED}, or {@code QUEUED} when the writer has not applied it within {@code wait}
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Delivery replaceMembers(long connectorId, String audienceKey, String audienceName, List<String> members,
                                   Duration wait) {
        SyncPage page = new SyncPage(audienceKey, audienceName, "upload-" + UUID.randomUUID(), 1, 1, members,
                List.of(), true, 0);
        Optional<StoredPage> stored = store(connectorId, page, null);
        Delivery delivery = applier.awaitApplied(stored.orElseThrow().id(), wait) ? Delivery.APPLIED : Delivery.QUEUED;
        metrics.counter("audiencehub.sync.deliveries", "result", "upload_" + delivery.name().toLowerCase()).increment();
        return delivery;
    }

    /**
     * Waits up to {@code apply-wait} for a stored page to be applied, and says what became of it; a page of a
     * replacing sync whose other pages have not all arrived is queued at once, as nothing applies before them.
     */
    Delivery awaitApplied(Optional<StoredPage> stored) {
        Delivery delivery = stored.isEmpty() ? Delivery.DUPLICATE
                : stored.get().waitsForItsTask() ? Delivery.QUEUED
                : applier.awaitApplied(stored.get().id(), settings.applyWait()) ? Delivery.APPLIED : Delivery.QUEUED;
        metrics.counter("audiencehub.sync.deliveries", "result", delivery.name().toLowerCase()).increment();
        return delivery;
    }

    /**
     * Stores the page and counts it into its run, unless its sync task belongs to another audience: checked
     * before, and again once the run's row is locked, so that two pages racing cannot both pass.
     */
    private Optional<StoredPage> store(long connectorId, SyncPage page, MemberBatch members, List<byte[]> ids,
                                       String idToken) {
        Instant now = clock.instant();
        requireRunOfSameAudience(connectorId, page, idToken);
        Optional<Long> pageId = sync.insertPage(connectorId, page, members.toBytes(), now);
        if (pageId.isEmpty()) {
            return Optional.empty();
        }
        sync.insertPageIds(pageId.get(), ids);
        sync.countReceived(connectorId, page, now);
        requireRunOfSameAudience(connectorId, page, idToken);
        boolean waits = page.replacesMembers() && page.totalPages() > 1
                && sync.pagesReceived(connectorId, page.syncTaskId()) < page.totalPages();
        return Optional.of(new StoredPage(pageId.get(), waits));
    }

    /** A page stored: its id, and whether it waits for other pages of its task before anything applies. */
    record StoredPage(long id, boolean waitsForItsTask) {
    }

    private void requireRunOfSameAudience(long connectorId, SyncPage page, String idToken) {
        sync.audienceOfRun(connectorId, page.syncTaskId()).filter(key -> !key.equals(page.audienceKey()))
                .ifPresent(key -> {
                    throw new WebhookRejected(409, "$.data.sync_info.sync_task_id: \"" + page.syncTaskId()
                            + "\" is the sync of segment " + key + ", not of segment " + page.audienceKey()
                            + "; a sync task id names one segment's sync. Nothing of this page was stored.", idToken);
                });
    }

    /**
     * Counts, logs and keeps a refused delivery, on the connector its id token names when there is one;
     * kept counted per minute ({@link RefusalLog}), so that a flood costs bounded storage.
     */
    void refused(WebhookRejected rejection, WebhookIntake.Source source, String clientAddress) {
        metrics.counter("audiencehub.sync.deliveries", "result", "rejected_" + rejection.status()).increment();
        String idToken = rejection.idToken() != null ? rejection.idToken() : source.sourceId();
        Long connectorId = null;
        try {
            connectorId = idToken == null ? null
                    : connectors.forTokenId(source.kind(), idToken).map(Connector::id).orElse(null);
        } catch (RuntimeException e) {
            log.error("Could not find the connector of a refused delivery: {}", e.getMessage());
        }
        if (refusals.record(connectorId, idToken, rejection.status(), rejection.getMessage(), clientAddress,
                clock.instant())) {
            log.warn("Refused a {} delivery from {} ({}): {} (alike refusals of this minute are counted, not logged)",
                    source.kind().providerId(), clientAddress, rejection.status(), rejection.getMessage());
        }
    }

    void notStored(RuntimeException e) {
        metrics.counter("audiencehub.sync.deliveries", "result", "unavailable").increment();
        log.error("Could not store a delivery; answered 503 so that the sender retries: {}", e.getMessage());
    }

    /** A delivery turned away, unread, because as many as allowed were being read: Heap retries it. */
    void busy() {
        metrics.counter("audiencehub.sync.deliveries", "result", "busy").increment();
    }

    private static WebhookRejected unknownToken(ConnectorKind kind, String idToken) {
        return new WebhookRejected(404, switch (kind) {
            case CUSTOM -> "$.id_token: no validated custom source has the id \"" + idToken
                    + "\"; it was disconnected or deleted in Integrations > Integration Hub > Custom source.";
            case HEAP -> "$.id_token: no validated Heap connector has id_token \"" + idToken
                    + "\". Connect this Heap environment in Integrations > Integration Hub, or turn the export off in"
                    + " Heap.";
            case CSV -> "$.id_token: the CSV connector \"" + idToken + "\" was disconnected while the upload was"
                    + " imported; upload the file again.";
            case MIXPANEL -> "No validated Mixpanel connector has the URL of source \"" + idToken + "\"; it was"
                    + " disconnected or deleted in Integrations > Integration Hub > Mixpanel.";
        }, idToken);
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    @SchedulerLock(name = "sync-refusal-cleanup", lockAtMostFor = "PT10M")
    @Transactional
    void forgetOldRejections() {
        int deleted = sync.deleteRefusalsBefore(clock.instant().minus(REJECTIONS_KEPT));
        if (deleted > 0) {
            log.info("Forgot {} refused deliveries older than {} days", deleted, REJECTIONS_KEPT.toDays());
        }
    }

    /** The audiences whose members changed most since {@code since}, gained or lost, the largest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<AudienceMove> changedMostSince(Instant since, int limit) {
        return sync.movesSince(since).stream().filter(move -> move.change() != 0)
                .sorted(Comparator.comparingLong((AudienceMove move) -> Math.abs(move.change())).reversed())
                .limit(limit).toList();
    }

    /** The sync runs of a connector's audience of {@code audienceKey}, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<SyncRun> runs(long connectorId, String audienceKey, int offset, int limit) {
        return sync.runs(connectorId, audienceKey, offset, limit);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int countRuns(long connectorId, String audienceKey) {
        return sync.countRuns(connectorId, audienceKey);
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
        return sync.refusals(connectorId, offset, limit);
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
        Map<Long, SyncRun> latestRuns = sync.latestRuns(connectorIds).stream()
                .collect(Collectors.toMap(SyncRun::connectorId, Function.identity()));
        for (LastDeliveries last : sync.lastDeliveries(connectorIds)) {
            SyncRun latest = latestRuns.get(last.connectorId());
            SyncRun.Status lastRun = last.lastPageAt() == null || latest == null ? null : statusOf(latest);
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
