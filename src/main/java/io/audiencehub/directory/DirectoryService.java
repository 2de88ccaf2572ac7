package io.audiencehub.directory;

import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceOverride;
import io.audiencehub.audience.AudienceOverrideService;
import io.audiencehub.audience.AudienceOverrideService.OverrideChange;
import io.audiencehub.audience.OverrideCounts;
import io.audiencehub.audience.OverrideRule;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.ConnectorAudiences;
import io.audiencehub.audience.MemberLookup;
import io.audiencehub.catalog.Provider;
import io.audiencehub.catalog.ProviderCatalog;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.ConnectorState;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.sync.ConnectorSyncStatus;
import io.audiencehub.sync.HeldRun;
import io.audiencehub.sync.SyncGuard;
import io.audiencehub.sync.SyncGuardService;
import io.audiencehub.sync.SyncRejection;
import io.audiencehub.sync.SyncRun;
import io.audiencehub.sync.SyncRunChanges;
import io.audiencehub.sync.SyncService;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The Directory's read model: every connection with its audiences and deliveries, gathered from the
 * features that own them (connectors, audiences, sync) and given in the Directory's own records, so
 * that its views depend on this service alone.
 */
@Service
public class DirectoryService {

    private final ConnectorService connectors;
    private final AudienceService audiences;
    private final SyncService sync;
    private final ProviderCatalog catalog;
    private final SegmentService segments;
    private final SyncRunChanges runChanges;
    private final SyncGuardService guards;
    private final AudienceOverrideService overrides;

    DirectoryService(ConnectorService connectors, AudienceService audiences, SyncService sync, ProviderCatalog catalog,
                     SegmentService segments, SyncRunChanges runChanges, SyncGuardService guards,
                     AudienceOverrideService overrides) {
        this.overrides = overrides;
        this.guards = guards;
        this.segments = segments;
        this.runChanges = runChanges;
        this.connectors = connectors;
        this.audiences = audiences;
        this.sync = sync;
        this.catalog = catalog;
    }

    @PreAuthorize("isAuthenticated()")
    public List<DirectoryEntry> page(int offset, int limit) {
        List<Connector> page = connectors.all(offset, limit);
        List<Long> ids = page.stream().map(Connector::id).toList();
        Map<Long, ConnectorAudiences> totals = audiences.totals(ids);
        Map<Long, ConnectorSyncStatus> statuses = sync.statuses(ids);
        return page.stream().map(connector -> entry(connector, totals.get(connector.id()), statuses.get(connector.id())))
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    public int count() {
        return connectors.count();
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<DirectoryEntry> entry(long connectorId) {
        List<Long> id = List.of(connectorId);
        return connectors.find(connectorId).map(connector -> entry(connector, audiences.totals(id).get(connectorId),
                sync.statuses(id).get(connectorId)));
    }

    /** A connection's audiences whose name contains {@code nameContains}, a page at a time. */
    @PreAuthorize("isAuthenticated()")
    public List<ConnectionAudience> audiences(long connectorId, String nameContains, int offset, int limit) {
        List<Audience> page = audiences.page(connectorId, nameContains, false, offset, limit);
        Map<Long, List<String>> using = segments.segmentsUsing(page.stream().map(Audience::id).toList());
        return page.stream().map(audience -> audience(audience, using.getOrDefault(audience.id(), List.of()))).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public int countAudiences(long connectorId, String nameContains) {
        return audiences.count(connectorId, nameContains, false);
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<ConnectionAudience> audience(long audienceId) {
        return audiences.find(audienceId).map(audience -> audience(audience, segments.segmentsUsing(List.of(audienceId))
                .getOrDefault(audienceId, List.of())));
    }

    /** Is this visitor, by the id the provider sends, in the audience? */
    @PreAuthorize("isAuthenticated()")
    public MemberAnswer lookUp(long audienceId, String visitorId) {
        MemberLookup found = audiences.lookup(audienceId, visitorId);
        return new MemberAnswer(found.member(), found.knownVisitor());
    }

    /** The sync runs of a connection's audience (by the source's key for it), newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<SyncHistoryEntry> syncHistory(long connectorId, String audienceKey, int offset, int limit) {
        return sync.runs(connectorId, audienceKey, offset, limit).stream().map(this::historyEntry).toList();
    }

    /**
     * An audience's members and matched visitors over its latest {@code runs} runs that counted them,
     * oldest first: run by run, or day by day (UTC).
     */
    @PreAuthorize("isAuthenticated()")
    public List<AudienceGrowth> growth(long connectorId, String audienceKey, AudienceGrowth.Step step, int runs) {
        List<AudienceGrowth> byRun = new ArrayList<>(sync.runs(connectorId, audienceKey, 0, runs).stream()
                .filter(run -> run.membersAfter() != null).map(run -> new AudienceGrowth(run.startedAt(),
                        run.membersAfter(), run.matchedAfter(), run.added(), run.removed())).toList());
        Collections.reverse(byRun);
        if (step == AudienceGrowth.Step.RUN) {
            return List.copyOf(byRun);
        }
        Map<Instant, AudienceGrowth> byDay = new LinkedHashMap<>();
        byRun.forEach(point -> byDay.merge(point.at().truncatedTo(ChronoUnit.DAYS), new AudienceGrowth(
                point.at().truncatedTo(ChronoUnit.DAYS), point.members(), point.matched(), point.added(),
                point.removed()), (day, later) -> new AudienceGrowth(day.at(), later.members(), later.matched(),
                day.added() + later.added(), day.removed() + later.removed())));
        return List.copyOf(byDay.values());
    }

    /**
     * Writes the ids a kept run added and removed, as CSV ({@code change,id}); erased visitors are left out.
     * Removed members whose ids the kept history no longer holds are not written.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void writeRunIds(long connectorId, String syncTaskId, Writer out) {
        runChanges.writeCsv(connectorId, syncTaskId, out);
    }

    @PreAuthorize("isAuthenticated()")
    public int countSyncHistory(long connectorId, String audienceKey) {
        return sync.countRuns(connectorId, audienceKey);
    }

    /** Refused deliveries, newest first: a connection's, or with null those that named no connection. */
    @PreAuthorize("isAuthenticated()")
    public List<RefusedDelivery> refusedDeliveries(Long connectorId, int offset, int limit) {
        return sync.rejections(connectorId, offset, limit).stream().map(DirectoryService::refused).toList();
    }

    private DirectoryEntry entry(Connector connector, ConnectorAudiences total, ConnectorSyncStatus status) {
        ConnectorAudiences counted = total != null ? total : new ConnectorAudiences(connector.id(), 0, 0);
        return new DirectoryEntry(connector.id(), connector.name(), providerName(connector.providerId()),
                connector.state().label(), connector.state() == ConnectorState.VALIDATED,
                connector.state() == ConnectorState.FAILED, connector.tokenId(), connector.environmentName(),
                counted.audiences(), counted.available(), status.lastSyncAt(),
                status.lastRun() == null ? null : words(status.lastRun()),
                DirectoryEntry.Health.valueOf(status.health().name()), status.healthReason());
    }

    private SyncHistoryEntry historyEntry(SyncRun run) {
        return new SyncHistoryEntry(run.syncTaskId(), run.startedAt(), words(sync.statusOf(run)), run.pagesReceived(), run.totalPages(),
                run.added(), run.removed(), run.ignoredAdds() + run.ignoredRemoves(), run.unidentified(),
                run.membersAfter(), run.matchedAfter(), run.duration(), run.lastError());
    }

    private static ConnectionAudience audience(Audience audience, List<String> segmentsUsingIt) {
        return new ConnectionAudience(audience.id(), audience.name(), audience.audienceKey(), audience.memberCount(),
                audience.matchedCount(), audience.available() ? null : Audience.UNAVAILABLE_REASON,
                audience.lastChangeAt(), List.copyOf(segmentsUsingIt));
    }

    private static RefusedDelivery refused(SyncRejection rejection) {
        return new RefusedDelivery(rejection.firstAt(), rejection.lastAt(), rejection.refusals(), rejection.status(),
                rejection.idToken(), rejection.reason(), rejection.clientAddress());
    }

    private static String words(SyncRun.Status status) {
        return status.name().toLowerCase().replace('_', ' ');
    }

    private String providerName(String providerId) {
        return catalog.find(providerId).map(Provider::name).orElse(providerId);
    }

    /** The connection's guard on sudden audience changes. */
    public GuardSettings guardOf(long connectorId) {
        SyncGuard guard = guards.guardOf(connectorId);
        return new GuardSettings(guard.enabled(), guard.maxRemovedPercent(), guard.maxGrowthFactor());
    }

    /**
     * Sets the connection's guard; audited.
     *
     * @throws IllegalArgumentException naming the setting out of range, and the range
     */
    public GuardSettings setGuard(long connectorId, GuardSettings settings) {
        guards.setGuard(connectorId, new SyncGuard(settings.enabled(), settings.maxRemovedPercent(),
                settings.maxGrowthFactor()));
        return guardOf(connectorId);
    }

    /** The runs the guard held on this connection, the latest first, those decided included. */
    public List<HeldSyncRun> heldRuns(long connectorId) {
        return guards.heldRuns(connectorId).stream().map(DirectoryService::shown).toList();
    }

    /** The guard's audit: each change of it and each decision on a run it held, "what (by, when)", latest first. */
    public List<String> guardAudit(long connectorId) {
        return guards.audit(connectorId).stream().map(entry -> entry.what() + " (" + entry.by() + ", "
                + entry.at().truncatedTo(ChronoUnit.SECONDS) + ")").toList();
    }

    /**
     * Applies a held run as one change, and the audience's later runs after it.
     *
     * @throws IllegalStateException when it was decided meanwhile
     */
    public HeldSyncRun approve(long holdId) {
        return shown(guards.approve(holdId));
    }

    /**
     * Discards a held run: nothing of it is applied; the audience's later runs follow.
     *
     * @throws IllegalStateException when it was decided meanwhile
     */
    public HeldSyncRun reject(long holdId) {
        return shown(guards.reject(holdId));
    }

    private static HeldSyncRun shown(HeldRun run) {
        return new HeldSyncRun(run.id(), run.audience(), run.syncTaskId(), run.membersBefore(), run.added(),
                run.removed(), run.reason(), run.sampleAdded(), run.sampleRemoved(), run.heldAt(), run.status().name(),
                run.decidedBy(), run.decidedAt());
    }

    /** How many ids of the audience an admin keeps always in and always out, counted in its members. */
    public ManualOverrides overrideCounts(long audienceId) {
        OverrideCounts counts = overrides.counts(audienceId);
        return new ManualOverrides(counts.alwaysIn(), counts.alwaysOut());
    }

    /** The ids of the audience an admin keeps always in or always out, by id. */
    public List<ManualOverride> overrides(long audienceId, int offset, int limit) {
        return overrides.page(audienceId, null, offset, limit).stream().map(DirectoryService::shown).toList();
    }

    /**
     * Keeps the ids always in (or always out of) the audience, across every sync; audited.
     *
     * @return what it did, in words, once the writer applied it or after 5 s
     * @throws IllegalArgumentException naming the ids that cannot be, and why; nothing is changed then
     */
    public String keepAlways(long audienceId, boolean alwaysIn, List<String> ids) {
        OverrideRule rule = alwaysIn ? OverrideRule.ALWAYS_IN : OverrideRule.ALWAYS_OUT;
        return said(overrides.add(audienceId, rule, ids), "kept " + rule.label());
    }

    /**
     * Gives these ids back to the audience's source; audited.
     *
     * @return what it did, in words
     * @throws IllegalArgumentException when none of them is overridden
     */
    public String stopOverriding(long audienceId, List<String> ids) {
        return said(overrides.remove(audienceId, ids), "given back to the source");
    }

    private static String said(OverrideChange change, String done) {
        return (change.ids() == 1 ? "1 id " : change.ids() + " ids ") + done + (change.applied()
                ? ": members and matched visitors are counted again." : ": the audience writer applies it within seconds.");
    }

    /** Each change of the audience's overrides, "what (by, when)", latest first. */
    public List<String> overrideAudit(long audienceId, int limit) {
        return overrides.audit(audienceId, 0, limit).stream().map(entry -> entry.describe() + " (" + entry.actor()
                + ", " + entry.at().truncatedTo(ChronoUnit.SECONDS) + ")").toList();
    }

    private static ManualOverride shown(AudienceOverride override) {
        return new ManualOverride(override.visitorId(), override.rule() == OverrideRule.ALWAYS_IN, override.synced(),
                override.pending(), override.changedBy(), override.changedAt());
    }
}
