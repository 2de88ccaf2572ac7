package io.audiencehub.connector;

import io.audiencehub.security.CurrentActor;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one connector of uploaded CSV audiences (docs/csv-audiences.md), made validated with the first
 * upload: their EXTERNAL DATA item and their Directory entry, like any source's, and the history of
 * the uploads.
 */
@Service
public class CsvConnector {

    private static final String TOKEN = "csv-uploads";
    private static final String NAME = "Uploaded files";

    private final ConnectorRepository connectors;
    private final ConnectorAuditRepository audit;
    private final CurrentActor actor;
    private final Clock clock;

    CsvConnector(ConnectorRepository connectors, ConnectorAuditRepository audit, CurrentActor actor, Clock clock) {
        this.connectors = connectors;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /** The validated CSV connector, made now if there is none. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Connector get() {
        String providerId = ConnectorKind.CSV.providerId();
        Optional<Connector> existing = connectors.findValidated(providerId, TOKEN);
        if (existing.isPresent()) {
            return existing.get();
        }
        // a disconnected one keeps its name, and history: the new one is numbered after it
        String name = NAME;
        for (int number = 2; connectors.findByName(name).isPresent(); number++) {
            name = NAME + " " + number;
        }
        Instant now = clock.instant();
        long id;
        try {
            id = connectors.insertValidated(providerId, name, TOKEN, "CSV uploads", null, actor.name(), now);
        } catch (DuplicateKeyException race) {
            return connectors.findValidated(providerId, TOKEN).orElseThrow(() -> race);
        }
        audit.append(id, ConnectorAuditAction.CREATED, actor.name(), now, "Created for the first CSV upload");
        return connectors.existing(id);
    }

    /** Records an upload in the CSV connector's history: who replaced which audience, from what. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void recordUpload(long connectorId, String audienceName, String fileName, long ids) {
        audit.append(connectorId, ConnectorAuditAction.CSV_UPLOADED, actor.name(), clock.instant(),
                "Audience \"" + audienceName + "\" replaced by " + ids + " ids from " + fileName);
    }
}
