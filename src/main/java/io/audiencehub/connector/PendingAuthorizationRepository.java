package io.audiencehub.connector;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PendingAuthorizationRepository {

    private final JdbcClient jdbc;

    PendingAuthorizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PendingAuthorization authorization) {
        jdbc.sql("""
                        INSERT INTO connector_authorization
                            (state, connector_id, code_verifier, redirect_uri, api_base_url, started_by, created_at)
                        VALUES (:state, :connectorId, :codeVerifier, :redirectUri, :apiBaseUrl, :startedBy, :createdAt)
                        """)
                .paramSource(authorization)
                .update();
    }

    /** Locks the row until the transaction ends, so one state is consumed once. */
    Optional<PendingAuthorization> lock(String state) {
        return jdbc.sql("""
                        SELECT state, connector_id, code_verifier, redirect_uri, api_base_url, started_by,
                               created_at, completed_at
                        FROM connector_authorization
                        WHERE state = :state
                        FOR UPDATE
                        """)
                .param("state", state)
                .query(PendingAuthorization.class)
                .optional();
    }

    void complete(String state, Instant now) {
        jdbc.sql("UPDATE connector_authorization SET completed_at = :now WHERE state = :state")
                .param("state", state)
                .param("now", now)
                .update();
    }
}
