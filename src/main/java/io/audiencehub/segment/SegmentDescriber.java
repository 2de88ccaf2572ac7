package io.audiencehub.segment;

import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.catalog.Provider;
import io.audiencehub.catalog.ProviderCatalog;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.ConnectorState;
import io.audiencehub.segment.Criterion.ExternalAudience;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.sync.ConnectorSyncStatus;
import io.audiencehub.sync.ConnectorSyncStatus.Health;
import io.audiencehub.sync.SyncService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Definitions in words, with what is wrong with their EXTERNAL DATA criteria now (an audience became
 * empty, its syncs are stale or failing, a connector is no longer validated): the connectors and audiences
 * they name are read once for all of them, then each is described from what was read.
 */
@Component
class SegmentDescriber {

    private final ConnectorService connectors;
    private final AudienceService audiences;
    private final ProviderCatalog catalog;
    private final SyncService syncs;

    SegmentDescriber(ConnectorService connectors, AudienceService audiences, ProviderCatalog catalog, SyncService syncs) {
        this.syncs = syncs;
        this.connectors = connectors;
        this.audiences = audiences;
        this.catalog = catalog;
    }

    /** The connectors and audiences that definitions name, read in one query each for all of them. */
    Referenced referenced(Collection<SegmentDefinition> definitions) {
        List<ExternalAudience> named = definitions.stream().flatMap(SegmentDefinition::externalAudiences).toList();
        List<Long> connectorIds = named.stream().map(ExternalAudience::connectorId).distinct().toList();
        return new Referenced(connectors.byIds(connectorIds),
                audiences.byIds(named.stream().map(ExternalAudience::audienceId).distinct().toList()),
                connectorIds.isEmpty() ? Map.of() : syncs.statuses(connectorIds));
    }

    /** What the definitions name, as {@link #referenced} read it, with the named connectors' sync health. */
    record Referenced(Map<Long, Connector> connectors, Map<Long, Audience> audiences,
                      Map<Long, ConnectorSyncStatus> syncs) {
    }

    String describe(SegmentDefinition definition, Referenced referenced) {
        return definition.root().children().isEmpty() ? "every visitor" : describe(definition.root(), referenced);
    }

    private String describe(SegmentNode node, Referenced referenced) {
        return node.match(condition -> conditionText(condition, referenced), group -> {
            String joiner = group.combinator() == Combinator.ALL ? " and " : " or ";
            String text = group.children().stream().map(child -> describe(child, referenced))
                    .collect(Collectors.joining(joiner));
            return group.children().size() > 1 ? "(" + text + ")" : text;
        });
    }

    String conditionText(SegmentNode.Condition condition, Referenced referenced) {
        return CriterionText.describe(condition.criterion(), condition.negated(),
                criterion -> audienceLabel(criterion, referenced));
    }

    List<String> warnings(SegmentDefinition definition, Referenced referenced) {
        List<String> warnings = new ArrayList<>();
        definition.externalAudiences().distinct().forEach(reference -> {
            Connector connector = referenced.connectors().get(reference.connectorId());
            Audience audience = referenced.audiences().get(reference.audienceId());
            String what = audience != null ? "\"" + audience.name() + "\"" : "audience " + reference.audienceId();
            if (connector == null) {
                warnings.add(what + ": its connector was deleted");
            } else if (connector.state() != ConnectorState.VALIDATED) {
                warnings.add(what + ": connector \"" + connector.name() + "\" is " + connector.state().label());
            } else if (audience == null) {
                warnings.add(what + " no longer exists");
            } else if (!audience.available()) {
                warnings.add(what + " is empty: " + Audience.UNAVAILABLE_REASON);
            } else if (unhealthy(referenced.syncs().get(reference.connectorId()))) {
                ConnectorSyncStatus sync = referenced.syncs().get(reference.connectorId());
                warnings.add(what + " is " + sync.health().name().toLowerCase(Locale.ROOT) + ": "
                        + sync.healthReason());
            }
        });
        return warnings;
    }

    private static boolean unhealthy(ConnectorSyncStatus sync) {
        return sync != null && (sync.health() == Health.STALE || sync.health() == Health.FAILING);
    }

    /** "Heap Analytics - Production / Free Customers": an EXTERNAL DATA criterion's connector and audience. */
    private String audienceLabel(ExternalAudience criterion, Referenced referenced) {
        Connector connector = referenced.connectors().get(criterion.connectorId());
        Audience audience = referenced.audiences().get(criterion.audienceId());
        return (connector == null ? "a deleted connector" : label(connector)) + " / "
                + (audience == null ? "a removed audience" : audience.name());
    }

    /** "Heap Analytics - Production": a connector as EXTERNAL DATA names it. */
    String label(Connector connector) {
        return catalog.find(connector.providerId()).map(Provider::name).orElse(connector.providerId()) + " - "
                + connector.name();
    }
}
