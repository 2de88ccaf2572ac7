package io.audiencehub.connector;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ConnectorRepository {

    private static final String COLUMNS = """
            id, provider_id, name, state, failure_reason, token_id, environment_name, created_by, created_at, updated_at
            """;

    private final JdbcClient jdbc;

    ConnectorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A connector validated from the start: a custom source, whose token is its signing secret. */
    long insertValidated(String providerId, String name, String tokenId, String environmentName, byte[] token,
                         String createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO connector (provider_id, name, state, token_id, environment_name, access_token,
                                               created_by, created_at, updated_at)
                        VALUES (:providerId, :name, 'VALIDATED', :tokenId, :environmentName, :token, :createdBy, :now, :now)
                        """)
                .param("providerId", providerId)
                .param("name", name)
                .param("tokenId", tokenId)
                .param("environmentName", environmentName)
                .param("token", token)
                .param("createdBy", createdBy)
                .param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<byte[]> validatedToken(String providerId, String tokenId) {
        return jdbc.sql("""
                        SELECT access_token FROM connector
                        WHERE provider_id = :providerId AND validated_token_id = :tokenId AND access_token IS NOT NULL
                        """)
                .param("providerId", providerId)
                .param("tokenId", tokenId)
                .query(byte[].class)
                .optional();
    }

    record StoredToken(long id, byte[] accessToken) {
    }

    /** Every stored token, encrypted as it is stored. */
    List<StoredToken> storedTokens() {
        return jdbc.sql("SELECT id, access_token FROM connector WHERE access_token IS NOT NULL ORDER BY id")
                .query(StoredToken.class).list();
    }

    /** Replaces a token's stored value unless it changed meanwhile; whether it was replaced. */
    boolean reencryptToken(long id, byte[] before, byte[] after) {
        return jdbc.sql("UPDATE connector SET access_token = :after WHERE id = :id AND access_token = :before")
                .param("id", id).param("before", before).param("after", after).update() == 1;
    }

    void replaceToken(long id, byte[] token, Instant now) {
        expectOne(jdbc.sql("UPDATE connector SET access_token = :token, updated_at = :now WHERE id = :id AND state = 'VALIDATED'")
                .param("id", id)
                .param("token", token)
                .param("now", now)
                .update(), id);
    }

    long insertPending(String providerId, String name, String createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO connector (provider_id, name, state, created_by, created_at, updated_at)
                        VALUES (:providerId, :name, 'PENDING_AUTHORIZATION', :createdBy, :now, :now)
                        """)
                .param("providerId", providerId)
                .param("name", name)
                .param("createdBy", createdBy)
                .param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Connector> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector WHERE id = :id")
                .param("id", id)
                .query(Connector.class)
                .optional();
    }

    /** @throws ConnectorException saying so, when the connector was deleted meanwhile */
    Connector existing(long id) {
        return find(id).orElseThrow(() -> new ConnectorException("Connector " + id + " no longer exists. Reload the page."));
    }

    void setPush(long connectorId, boolean enabled, String by, Instant now) {
        if (enabled) {
            jdbc.sql("""
                            INSERT IGNORE INTO connector_push (connector_id, enabled_by, enabled_at)
                            VALUES (:id, :by, :now)
                            """)
                    .param("id", connectorId).param("by", by).param("now", now).update();
        } else {
            jdbc.sql("DELETE FROM connector_push WHERE connector_id = :id").param("id", connectorId).update();
        }
    }

    /** The validated connectors of the provider whose push is on. */
    List<Long> pushing(String providerId) {
        return jdbc.sql("""
                        SELECT c.id FROM connector c JOIN connector_push p ON p.connector_id = c.id
                        WHERE c.provider_id = :providerId AND c.state = 'VALIDATED' ORDER BY c.id
                        """)
                .param("providerId", providerId)
                .query(Long.class).list();
    }

    List<Connector> byIds(Collection<Long> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Connector.class)
                .list();
    }

    List<Connector> page(String providerId, boolean validated, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                        FROM connector
                        WHERE provider_id = :providerId AND (state = 'VALIDATED') = :validated
                        ORDER BY name
                        LIMIT :limit OFFSET :offset
                        """)
                .param("providerId", providerId)
                .param("validated", validated)
                .param("limit", limit)
                .param("offset", offset)
                .query(Connector.class)
                .list();
    }

    List<Connector> all(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector ORDER BY name LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(Connector.class)
                .list();
    }

    List<Connector> validated() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector WHERE state = 'VALIDATED' ORDER BY name")
                .query(Connector.class)
                .list();
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM connector").query(Integer.class).single();
    }

    Optional<Connector> findLatestByTokenId(String providerId, String tokenId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                        FROM connector WHERE provider_id = :providerId AND token_id = :tokenId
                        ORDER BY updated_at DESC, id DESC LIMIT 1
                        """)
                .param("providerId", providerId)
                .param("tokenId", tokenId)
                .query(Connector.class)
                .optional();
    }

    Optional<Connector> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector WHERE name = :name")
                .param("name", name)
                .query(Connector.class)
                .optional();
    }

    Optional<Connector> findValidated(String providerId, String tokenId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                        FROM connector
                        WHERE provider_id = :providerId AND validated_token_id = :tokenId
                        """)
                .param("providerId", providerId)
                .param("tokenId", tokenId)
                .query(Connector.class)
                .optional();
    }

    void markPending(long id, Instant now) {
        expectOne(jdbc.sql("""
                        UPDATE connector SET state = 'PENDING_AUTHORIZATION', failure_reason = NULL, updated_at = :now
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("now", now)
                .update(), id);
    }

    void markFailed(long id, String reason, Instant now) {
        expectOne(jdbc.sql("""
                        UPDATE connector SET state = 'FAILED', failure_reason = :reason, updated_at = :now
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("reason", reason)
                .param("now", now)
                .update(), id);
    }

    void markValidated(long id, String tokenId, String environmentName, String apiBaseUrl, byte[] accessToken,
                       Instant now) {
        expectOne(jdbc.sql("""
                        UPDATE connector
                        SET state = 'VALIDATED', failure_reason = NULL, token_id = :tokenId,
                            environment_name = :environmentName, api_base_url = :apiBaseUrl,
                            access_token = :accessToken, updated_at = :now
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("tokenId", tokenId)
                .param("environmentName", environmentName)
                .param("apiBaseUrl", apiBaseUrl)
                .param("accessToken", accessToken)
                .param("now", now)
                .update(), id);
    }

    /** The stored token is dropped: a disconnected connector can no longer call the provider. */
    void markDisconnected(long id, Instant now) {
        expectOne(jdbc.sql("""
                        UPDATE connector SET state = 'DISCONNECTED', access_token = NULL, updated_at = :now
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("now", now)
                .update(), id);
    }

    void rename(long id, String name, Instant now) {
        expectOne(jdbc.sql("UPDATE connector SET name = :name, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("name", name)
                .param("now", now)
                .update(), id);
    }

    void delete(long id) {
        expectOne(jdbc.sql("DELETE FROM connector WHERE id = :id").param("id", id).update(), id);
    }

    private static void expectOne(int updated, long id) {
        if (updated != 1) {
            throw new ConnectorException("Connector " + id + " no longer exists. Reload the page.");
        }
    }
}
