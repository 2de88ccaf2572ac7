package io.audiencehub.overview;

import io.audiencehub.alert.AlertService;
import io.audiencehub.alert.Incident;
import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.directory.DirectoryEntry;
import io.audiencehub.directory.DirectoryService;
import io.audiencehub.overview.Overview.ChangedAudience;
import io.audiencehub.overview.Overview.ConnectorHealth;
import io.audiencehub.overview.Overview.DecisionLine;
import io.audiencehub.overview.Overview.HourFigure;
import io.audiencehub.sync.SyncService;
import io.audiencehub.visitor.VisitorService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads the overview from the services of each feature. */
@Service
public class OverviewService {

    static final int VISITOR_HOURS = 48;
    static final int DECISION_HOURS = 24;
    static final int CONNECTORS_SHOWN = 12;
    private static final int CONNECTORS_READ = 500;
    static final int AUDIENCES_SHOWN = 5;
    static final int CAMPAIGN_LINES_SHOWN = 8;

    private final VisitorService visitors;
    private final DirectoryService directory;
    private final SyncService sync;
    private final AudienceService audiences;
    private final CampaignService campaigns;
    private final AlertService alerts;
    private final Clock clock;

    OverviewService(VisitorService visitors, DirectoryService directory, SyncService sync, AudienceService audiences,
                    CampaignService campaigns, AlertService alerts, Clock clock) {
        this.visitors = visitors;
        this.directory = directory;
        this.sync = sync;
        this.audiences = audiences;
        this.campaigns = campaigns;
        this.alerts = alerts;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public Overview overview() {
        Instant now = clock.instant();
        Instant thisHour = now.truncatedTo(ChronoUnit.HOURS);
        List<Instant> visitorHours = hours(thisHour, VISITOR_HOURS);
        Map<Instant, Long> reports = visitors.reportsPerHour(visitorHours.get(0));
        List<Instant> decisionHours = hours(thisHour, DECISION_HOURS);
        List<DecisionLine> decisions = campaigns.runningDecisionsPerHour(decisionHours.get(0)).stream()
                .map(line -> new DecisionLine(line.campaignId(), line.campaign(), line.variation(), decisionHours.stream()
                        .map(hour -> line.perHour().getOrDefault(hour, 0L)).toList()))
                .sorted(Comparator.comparingLong(DecisionLine::total).reversed()).limit(CAMPAIGN_LINES_SHOWN).toList();
        // those needing attention first (failing, stale), then the latest synced
        List<DirectoryEntry> connections = directory.page(0, CONNECTORS_READ).stream()
                .sorted(Comparator.comparingInt((DirectoryEntry entry) -> attention(entry.health()))
                        .thenComparing(DirectoryEntry::lastSyncAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(CONNECTORS_SHOWN).toList();
        return new Overview(now, visitorHours.stream().map(hour -> new HourFigure(hour, reports.getOrDefault(hour, 0L)))
                .toList(), connections.stream().map(OverviewService::health).toList(),
                changedMost(now.minus(Duration.ofDays(1))), decisionHours, decisions,
                alerts.open().stream().map(Incident::summary).toList());
    }

    private List<ChangedAudience> changedMost(Instant since) {
        return sync.changedMostSince(since, AUDIENCES_SHOWN).stream().map(move -> new ChangedAudience(
                move.connectorId(), directory.entry(move.connectorId()).map(DirectoryEntry::name)
                .orElse("connector " + move.connectorId()),
                audiences.find(move.connectorId(), move.audienceKey()).map(Audience::name).orElse(move.audienceKey()),
                move.membersBefore(), move.membersNow())).toList();
    }

    private static int attention(DirectoryEntry.Health health) {
        return switch (health) {
            case FAILING -> 0;
            case STALE -> 1;
            case HEALTHY -> 2;
            case WAITING -> 3;
        };
    }

    private static ConnectorHealth health(DirectoryEntry entry) {
        return new ConnectorHealth(entry.connectorId(), entry.name(), entry.providerName(),
                entry.health().name().toLowerCase(Locale.ROOT), entry.healthReason(), entry.lastSyncAt());
    }

    /** The {@code count} hours up to {@code last}, oldest first. */
    private static List<Instant> hours(Instant last, int count) {
        return IntStream.range(0, count).mapToObj(i -> last.minus(Duration.ofHours(count - 1L - i))).toList();
    }
}
