package io.audiencehub.connector;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A Mixpanel connector's Custom Webhook credentials and visitor property (table connector_mixpanel). */
@Repository
class MixpanelCredentialRepository {

    /** What a delivery is checked against: the validated connector of a source id, its credentials and property. */
    record StoredCredentials(long connectorId, String userName, byte[] passwordSha256, String visitorProperty) {
    }

    private final JdbcClient jdbc;

    MixpanelCredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long connectorId, String userName, byte[] passwordSha256, String visitorProperty, Instant now) {
        jdbc.sql("""
                        INSERT INTO connector_mixpanel (connector_id, user_name, password_sha256, visitor_property,
                                                        credentials_at)
                        VALUES (:connectorId, :userName, :password, :property, :now)
                        """)
                .param("connectorId", connectorId)
                .param("userName", userName)
                .param("password", passwordSha256)
                .param("property", visitorProperty)
                .param("now", now)
                .update();
    }

    void replaceCredentials(long connectorId, String userName, byte[] passwordSha256, Instant now) {
        jdbc.sql("""
                        UPDATE connector_mixpanel SET user_name = :userName, password_sha256 = :password,
                                                      credentials_at = :now
                        WHERE connector_id = :connectorId
                        """)
                .param("connectorId", connectorId)
                .param("userName", userName)
                .param("password", passwordSha256)
                .param("now", now)
                .update();
    }

    Optional<StoredCredentials> ofValidatedSource(String providerId, String sourceId) {
        return jdbc.sql("""
                        SELECT m.connector_id, m.user_name, m.password_sha256, m.visitor_property
                        FROM connector c JOIN connector_mixpanel m ON m.connector_id = c.id
                        WHERE c.provider_id = :providerId AND c.validated_token_id = :sourceId
                        """)
                .param("providerId", providerId)
                .param("sourceId", sourceId)
                .query(StoredCredentials.class)
                .optional();
    }

    Optional<String> visitorProperty(long connectorId) {
        return jdbc.sql("SELECT visitor_property FROM connector_mixpanel WHERE connector_id = :connectorId")
                .param("connectorId", connectorId)
                .query(String.class)
                .optional();
    }
}
