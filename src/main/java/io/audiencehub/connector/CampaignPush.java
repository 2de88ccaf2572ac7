package io.audiencehub.connector;

import io.audiencehub.security.CurrentActor;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Push: per validated connector of a kind that can be told (Heap, Mixpanel), whether the site tag tells
 * the analytics tool which campaign each visitor sees.
 */
@Service
public class CampaignPush {

    private final ConnectorRepository connectors;
    private final ConnectorAuditRepository audit;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignPush(ConnectorRepository connectors, ConnectorAuditRepository audit, CurrentActor actor,
                 ApplicationEventPublisher events, Clock clock) {
        this.connectors = connectors;
        this.audit = audit;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void set(long connectorId, boolean enabled) {
        Connector connector = connectors.existing(connectorId);
        ConnectorKind.Push push = connector.kind().push().orElse(null);
        if (enabled && push == null) {
            throw new ConnectorException("Connector \"" + connector.name() + "\" cannot be told which campaigns visitors"
                    + " see: only " + pushableTools() + " connectors can.");
        }
        if (enabled && !connector.validated()) {
            throw new ConnectorException("Connector \"" + connector.name() + "\" is " + connector.state().label()
                    + ": only a validated connector can push campaigns to " + push.tool() + ".");
        }
        String tool = push == null ? "the source" : push.tool();
        Instant now = clock.instant();
        connectors.setPush(connectorId, enabled, actor.name(), now);
        audit.append(connectorId, enabled ? ConnectorAuditAction.PUSH_ON : ConnectorAuditAction.PUSH_OFF, actor.name(),
                now, enabled ? "Campaigns seen are sent to " + tool : "Campaigns seen are no longer sent to " + tool);
        events.publishEvent(new ConnectorPushChanged(connectorId, enabled));
    }

    /** The validated connectors of the kind with push on. */
    @Transactional(readOnly = true)
    public List<Long> connectors(ConnectorKind kind) {
        return connectors.pushing(kind.providerId());
    }

    /**
     * For every kind that can be told, by its provider id, whether the tag tells it (a validated connector
     * of it has push on); the decision API reads it with no sign-in and answers it as {@code push}.
     */
    @Transactional(readOnly = true)
    public Map<String, Boolean> tools() {
        Map<String, Boolean> tools = new LinkedHashMap<>();
        for (ConnectorKind kind : ConnectorKind.pushable()) {
            tools.put(kind.providerId(), !connectors.pushing(kind.providerId()).isEmpty());
        }
        return Collections.unmodifiableMap(tools);
    }

    private static String pushableTools() {
        List<String> tools = ConnectorKind.pushable().stream().map(kind -> kind.push().orElseThrow().tool()).toList();
        return String.join(" and ", tools);
    }
}
