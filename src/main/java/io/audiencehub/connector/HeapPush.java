package io.audiencehub.connector;

import io.audiencehub.security.CurrentActor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Heap under Push: per validated Heap connector, whether the site tag tells Heap which campaign each visitor sees. */
@Service
public class HeapPush {

    private final ConnectorRepository connectors;
    private final ConnectorAuditRepository audit;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HeapPush(ConnectorRepository connectors, ConnectorAuditRepository audit, CurrentActor actor,
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
        if (enabled && (!connector.validated() || !connector.kind().canPush())) {
            throw new ConnectorException("Connector \"" + connector.name() + "\" is " + connector.state().label()
                    + ": only a validated Heap connector can push campaigns to Heap.");
        }
        Instant now = clock.instant();
        connectors.setPush(connectorId, enabled, actor.name(), now);
        audit.append(connectorId, enabled ? ConnectorAuditAction.PUSH_ON : ConnectorAuditAction.PUSH_OFF, actor.name(),
                now, enabled ? "Campaigns seen are sent to Heap" : "Campaigns seen are no longer sent to Heap");
        events.publishEvent(new ConnectorPushChanged(connectorId, enabled));
    }

    /** The validated Heap connectors with push on; the decision API reads it with no sign-in. */
    @Transactional(readOnly = true)
    public List<Long> connectors() {
        return connectors.pushing(ConnectorKind.HEAP.providerId());
    }
}
