package io.audiencehub.segment;

import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.ConnectorState;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The builder's EXTERNAL DATA: an item per validated connector, and the audiences a criterion may pick. */
@Service
public class ExternalData {

    private final ConnectorService connectors;
    private final AudienceService audiences;
    private final SegmentDescriber describer;

    ExternalData(ConnectorService connectors, AudienceService audiences, SegmentDescriber describer) {
        this.connectors = connectors;
        this.audiences = audiences;
        this.describer = describer;
    }

    /** One item per validated connector. */
    @PreAuthorize("isAuthenticated()")
    public List<ExternalSource> sources() {
        return connectors.validated().stream().map(this::source).toList();
    }

    /** The item of one connector, while it is validated. */
    @PreAuthorize("isAuthenticated()")
    public Optional<ExternalSource> source(long connectorId) {
        return connectors.find(connectorId).filter(connector -> connector.state() == ConnectorState.VALIDATED)
                .map(this::source);
    }

    private ExternalSource source(Connector connector) {
        return new ExternalSource(connector.id(), describer.label(connector));
    }

    /** The audiences a criterion may pick, by name: only those with at least one matched member. */
    @PreAuthorize("isAuthenticated()")
    public List<AudienceChoice> availableAudiences(long connectorId, String nameContains, int offset, int limit) {
        return audiences.page(connectorId, nameContains, true, offset, limit).stream()
                .map(ExternalData::choice).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public int availableAudienceCount(long connectorId, String nameContains) {
        return audiences.count(connectorId, nameContains, true);
    }

    /** The audience a criterion names, available or not, so a form can show what it holds. */
    @PreAuthorize("isAuthenticated()")
    public Optional<AudienceChoice> audience(long audienceId) {
        return audiences.find(audienceId).map(ExternalData::choice);
    }

    private static AudienceChoice choice(Audience audience) {
        return new AudienceChoice(audience.id(), audience.name(), audience.available()
                ? audience.matchedCount() + " matched" : Audience.UNAVAILABLE_REASON);
    }
}
