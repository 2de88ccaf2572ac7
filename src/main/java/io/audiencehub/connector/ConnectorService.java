package io.audiencehub.connector;

import io.audiencehub.catalog.ProviderCatalog;
import io.audiencehub.security.CurrentActor;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of connectors, whatever their kind: listing and finding them, their history, and what
 * every kind shares (renaming, disconnecting, deleting). How each kind is set up lives with it:
 * {@link HeapAuthorization}, {@link CustomSources}, {@link CsvConnector}; Heap under Push in {@link HeapPush}.
 */
@Service
public class ConnectorService {

    public static final int MAX_NAME_LENGTH = 80;

    private final ConnectorRepository connectors;
    private final ConnectorAuditRepository audit;
    private final ConnectorNames names;
    private final ProviderCatalog catalog;
    private final CurrentActor actor;
    private final List<ConnectorUsage> usages;
    private final Clock clock;

    ConnectorService(ConnectorRepository connectors, ConnectorAuditRepository audit, ConnectorNames names,
                     ProviderCatalog catalog, CurrentActor actor, List<ConnectorUsage> usages, Clock clock) {
        this.connectors = connectors;
        this.audit = audit;
        this.names = names;
        this.catalog = catalog;
        this.actor = actor;
        this.usages = usages;
        this.clock = clock;
    }

    /** The provider's validated connectors, or all the others (pending, failed, disconnected). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Connector> page(ConnectorKind kind, boolean validated, int offset, int limit) {
        return connectors.page(kind.providerId(), validated, offset, limit);
    }

    /** Every connector of every provider, by name. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Connector> all(int offset, int limit) {
        return connectors.all(offset, limit);
    }

    /** The validated connectors of every provider, by name: at most one per provider environment. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Connector> validated() {
        return connectors.validated();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int count() {
        return connectors.count();
    }

    /**
     * The connector a provider's webhook delivery belongs to, by the provider's id for the environment:
     * the validated one, else the latest that held the id (disconnected or failed), so a refused
     * delivery can be shown on it. Webhooks carry no user, so this needs no sign-in.
     */
    @Transactional(readOnly = true)
    public Optional<Connector> forTokenId(ConnectorKind kind, String tokenId) {
        return connectors.findValidated(kind.providerId(), tokenId)
                .or(() -> connectors.findLatestByTokenId(kind.providerId(), tokenId));
    }

    /** Connectors by id, for features that show several at once; absent ids are left out. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, Connector> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : connectors.byIds(ids).stream()
                .collect(Collectors.toMap(Connector::id, Function.identity()));
    }

    /** The provider whose connectors a page lists, as the catalogue describes it. */
    @PreAuthorize("isAuthenticated()")
    public Optional<ProviderSummary> provider(String providerId) {
        return catalog.find(providerId).map(provider -> new ProviderSummary(provider.id(), provider.name(),
                provider.description(), provider.logo(), provider.available(), provider.page()));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Connector> find(long id) {
        return connectors.find(id);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ConnectorAuditEntry> audit(long connectorId, int offset, int limit) {
        return audit.page(connectorId, offset, limit);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void rename(long connectorId, String newName) {
        Connector connector = connectors.existing(connectorId);
        String cleanName = names.check(newName, connectorId);
        Instant now = clock.instant();
        connectors.rename(connectorId, cleanName, now);
        audit.append(connectorId, ConnectorAuditAction.RENAMED, actor.name(), now,
                "Renamed from \"" + connector.name() + "\" to \"" + cleanName + "\"");
    }

    /** Stops the connection and forgets its token; the connector and its history stay. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void disconnect(long connectorId) {
        Connector connector = connectors.existing(connectorId);
        if (connector.state() == ConnectorState.DISCONNECTED) {
            throw new ConnectorException("Connector \"" + connector.name() + "\" is already disconnected.");
        }
        Instant now = clock.instant();
        connectors.markDisconnected(connectorId, now);
        audit.append(connectorId, ConnectorAuditAction.DISCONNECTED, actor.name(), now, "Token discarded; history kept");
    }

    /** @throws ConnectorException naming what depends on the connector, when something does */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void delete(long connectorId) {
        Connector connector = connectors.existing(connectorId);
        List<String> dependents = usages.stream().flatMap(usage -> usage.usagesOf(connectorId).stream()).toList();
        if (!dependents.isEmpty()) {
            throw new ConnectorException("Connector \"" + connector.name() + "\" cannot be deleted: "
                    + String.join(", ", dependents) + " depend on it. Disconnect it instead, which keeps them.");
        }
        connectors.delete(connectorId);
        audit.append(connectorId, ConnectorAuditAction.DELETED, actor.name(), clock.instant(), "Connector \"" + connector.name() + "\" deleted");
    }
}
