package io.audiencehub.directory;

import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.ConnectorAudiences;
import io.audiencehub.catalog.Provider;
import io.audiencehub.catalog.ProviderCatalog;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.sync.ConnectorSyncStatus;
import io.audiencehub.sync.SyncService;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Every connection with its audiences and deliveries, gathered from the features that own them. */
@Service
public class DirectoryService {

    private final ConnectorService connectors;
    private final AudienceService audiences;
    private final SyncService sync;
    private final ProviderCatalog catalog;

    DirectoryService(ConnectorService connectors, AudienceService audiences, SyncService sync, ProviderCatalog catalog) {
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
        return page.stream().map(connector -> {
            ConnectorAudiences total = totals.getOrDefault(connector.id(), new ConnectorAudiences(connector.id(), 0, 0));
            return new DirectoryEntry(connector, providerName(connector.providerId()), total.audiences(),
                    total.available(), statuses.get(connector.id()));
        }).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public int count() {
        return connectors.count();
    }

    @PreAuthorize("isAuthenticated()")
    public DirectoryEntry entry(Connector connector) {
        ConnectorAudiences total = audiences.totals(List.of(connector.id()))
                .getOrDefault(connector.id(), new ConnectorAudiences(connector.id(), 0, 0));
        return new DirectoryEntry(connector, providerName(connector.providerId()), total.audiences(), total.available(),
                sync.statuses(List.of(connector.id())).get(connector.id()));
    }

    private String providerName(String providerId) {
        return catalog.find(providerId).map(Provider::name).orElse(providerId);
    }
}
