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

    private static final int MAX_DETAIL = 500;

    /** Appends to the connector's history; a detail longer than the column is cut, never refused. */
    void append(long connectorId, ConnectorAuditAction action, String actor, Instant at, String detail) {
        jdbc.sql("""
                        INSERT INTO connector_audit (connector_id, action, actor, at, detail)
                        VALUES (:connectorId, :action, :actor, :at, :detail)
                        """)
                .param("connectorId", connectorId)
                .param("action", action.name())
                .param("actor", actor)
                .param("at", at)
                .param("detail", shorten(detail))
                .update();
    }

    static String shorten(String detail) {
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 3) + "..." : detail;
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
