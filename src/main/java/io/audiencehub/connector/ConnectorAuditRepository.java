package io.audiencehub.connector;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConnectorAuditRepository {

    private final JdbcClient jdbc;

    ConnectorAuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(long connectorId, String action, String actor, Instant at, String detail) {
        jdbc.sql("""
                        INSERT INTO connector_audit (connector_id, action, actor, at, detail)
                        VALUES (:connectorId, :action, :actor, :at, :detail)
                        """)
                .param("connectorId", connectorId)
                .param("action", action)
                .param("actor", actor)
                .param("at", at)
                .param("detail", detail)
                .update();
    }

    List<ConnectorAuditEntry> page(long connectorId, int offset, int limit) {
        return jdbc.sql("""
                        SELECT action, actor, at, detail
                        FROM connector_audit
                        WHERE connector_id = :connectorId
                        ORDER BY at DESC, id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .param("connectorId", connectorId)
                .param("limit", limit)
                .param("offset", offset)
                .query(ConnectorAuditEntry.class)
                .list();
    }
}
