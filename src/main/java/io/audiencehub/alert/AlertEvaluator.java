package io.audiencehub.alert;

import io.audiencehub.campaign.CampaignService;
import io.audiencehub.campaign.CampaignStatus;
import io.audiencehub.campaign.CampaignSummary;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.sync.ConnectorSyncStatus;
import io.audiencehub.sync.HeldRun;
import io.audiencehub.sync.SyncGuardService;
import io.audiencehub.sync.SyncRun;
import io.audiencehub.sync.SyncService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The conditions that hold now: each validated connector's health as the Directory shows it (failing,
 * stale, its last run incomplete, a run held by the guard on sudden audience changes), and each running campaign whose segments name an audience that
 * became empty or vanished, as the segment builder flags them.
 */
@Component
class AlertEvaluator {

    private static final int CAMPAIGNS_PER_READ = 500;

    private final ConnectorService connectors;
    private final SyncService sync;
    private final CampaignService campaigns;
    private final SyncGuardService guards;

    AlertEvaluator(ConnectorService connectors, SyncService sync, CampaignService campaigns, SyncGuardService guards) {
        this.guards = guards;
        this.connectors = connectors;
        this.sync = sync;
        this.campaigns = campaigns;
    }

    List<Condition> current() {
        List<Condition> conditions = new ArrayList<>();
        List<Connector> validated = connectors.validated();
        Map<Long, ConnectorSyncStatus> statuses = sync.statuses(validated.stream().map(Connector::id).toList());
        for (Connector connector : validated) {
            ConnectorSyncStatus status = statuses.get(connector.id());
            String subject = "Connector \"" + connector.name() + "\"";
            if (status.health() == ConnectorSyncStatus.Health.FAILING) {
                conditions.add(new Condition(IncidentKind.CONNECTOR_FAILING, connector.id(), subject, status.healthReason()));
            } else if (status.health() == ConnectorSyncStatus.Health.STALE) {
                conditions.add(new Condition(IncidentKind.CONNECTOR_STALE, connector.id(), subject, status.healthReason()));
            }
            if (status.lastRun() == SyncRun.Status.INCOMPLETE) {
                conditions.add(new Condition(IncidentKind.SYNC_INCOMPLETE, connector.id(), subject,
                        "its last sync run is still missing pages"));
            }
        }
        Map<Long, List<HeldRun>> held = guards.waiting().stream().collect(Collectors.groupingBy(HeldRun::connectorId));
        for (Connector connector : validated) {
            List<HeldRun> runs = held.getOrDefault(connector.id(), List.of());
            if (!runs.isEmpty()) {
                conditions.add(new Condition(IncidentKind.SYNC_HELD, connector.id(), "Connector \"" + connector.name()
                        + "\"", runs.stream().map(run -> "a sync run of \"" + run.audience() + "\" is held: "
                        + run.reason()).collect(Collectors.joining("; ")) + "; approve or reject it in the Directory"));
            }
        }
        int total = campaigns.count();
        for (int offset = 0; offset < total; offset += CAMPAIGNS_PER_READ) {
            for (CampaignSummary campaign : campaigns.summaries(offset, CAMPAIGNS_PER_READ)) {
                if (campaign.status() == CampaignStatus.RUNNING && !campaign.warnings().isEmpty()) {
                    conditions.add(new Condition(IncidentKind.CAMPAIGN_AUDIENCE_EMPTY, campaign.id(),
                            "Campaign \"" + campaign.name() + "\"", String.join("; ", campaign.warnings())));
                }
            }
        }
        return conditions;
    }
}
