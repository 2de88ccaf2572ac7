package io.audiencehub.inspection;

import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.campaign.DecisionExplainer;
import io.audiencehub.campaign.Explanation;
import io.audiencehub.campaign.PageContext;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.ProviderSummary;
import io.audiencehub.inspection.VisitorInspection.Departure;
import io.audiencehub.inspection.VisitorInspection.Membership;
import io.audiencehub.inspection.VisitorInspection.Outcome;
import io.audiencehub.sync.SyncRunChanges;
import io.audiencehub.visitor.VisitorSeen;
import io.audiencehub.visitor.VisitorService;
import io.audiencehub.visitor.VisitorSuppression;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Inspects one visitor: the registry's record of it, its audiences and the explanation of every running campaign. */
@Service
public class VisitorInspector {

    private final VisitorService visitors;
    private final VisitorSuppression erasures;
    private final AudienceService audiences;
    private final ConnectorService connectors;
    private final DecisionExplainer explainer;
    private final SyncRunChanges runChanges;

    VisitorInspector(VisitorService visitors, VisitorSuppression erasures, AudienceService audiences,
                     ConnectorService connectors, DecisionExplainer explainer, SyncRunChanges runChanges) {
        this.runChanges = runChanges;
        this.visitors = visitors;
        this.erasures = erasures;
        this.audiences = audiences;
        this.connectors = connectors;
        this.explainer = explainer;
    }

    /**
     * @throws IllegalArgumentException naming what cannot be read: the visitor id or a field of the page
     */
    @PreAuthorize("isAuthenticated()")
    public VisitorInspection inspect(String visitorId, VisitorInspection.Page page) {
        Explanation explanation = explainer.explain(visitorId, new PageContext(page.url(), page.device(), page.browser(),
                page.language(), page.country(), page.returning(), null));
        Map<Long, Audience> memberOf = audiences.byIds(Arrays.stream(audiences.audienceIdsOf(visitorId)).boxed().toList());
        List<SyncRunChanges.Departure> left = runChanges.departuresOf(visitorId).stream()
                .filter(departure -> memberOf.values().stream().noneMatch(audience -> isOf(audience, departure)))
                .toList();
        Map<Long, Connector> importing = connectors.byIds(Stream.concat(memberOf.values().stream()
                .map(Audience::connectorId), left.stream().map(SyncRunChanges.Departure::connectorId)).distinct().toList());
        List<Membership> memberships = memberOf.values().stream().map(audience -> membership(visitorId, audience,
                        label(importing.get(audience.connectorId()), audience.connectorId())))
                .sorted(Comparator.comparing(Membership::connector).thenComparing(Membership::audience)).toList();
        List<Departure> departures = left.stream().map(departure -> new Departure(departure.connectorId(),
                label(importing.get(departure.connectorId()), departure.connectorId()),
                audiences.find(departure.connectorId(), departure.audienceKey()).map(Audience::name)
                        .orElse(departure.audienceKey()), departure.syncTaskId(), departure.at())).toList();
        Optional<VisitorSeen> seen = visitors.seen(visitorId);
        return new VisitorInspection(visitorId, seen.map(VisitorSeen::firstSeen).orElse(null),
                seen.map(VisitorSeen::lastSeen).orElse(null), erasures.isErased(visitorId), memberships, departures,
                explanation.contextGiven(), explanation.campaigns().stream().map(why -> new Outcome(why.campaignId(),
                        why.campaign(), why.reason().name(), why.reason().label(), why.why())).toList());
    }

    private Membership membership(String visitorId, Audience audience, String connector) {
        Optional<SyncRunChanges.Entry> entry = runChanges.entryOf(visitorId, audience.connectorId(),
                audience.audienceKey());
        return new Membership(audience.connectorId(), connector, audience.id(), audience.name(),
                entry.map(SyncRunChanges.Entry::syncTaskId).orElse(null), entry.map(SyncRunChanges.Entry::at).orElse(null));
    }

    private static boolean isOf(Audience audience, SyncRunChanges.Departure departure) {
        return audience.connectorId() == departure.connectorId() && audience.audienceKey().equals(departure.audienceKey());
    }

    /** "Heap Analytics - Acme", as EXTERNAL DATA names a connector. */
    private String label(Connector connector, long connectorId) {
        if (connector == null) {
            return "connector " + connectorId;
        }
        return connectors.provider(connector.providerId()).map(ProviderSummary::name).orElse(connector.providerId())
                + " - " + connector.name();
    }
}
