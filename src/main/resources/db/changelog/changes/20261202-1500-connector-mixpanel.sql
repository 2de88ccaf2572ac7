--liquibase formatted sql

--changeset audiencehub:20261202-1500-connector-mixpanel
-- A Mixpanel connector's Custom Webhook credentials and the user property that carries the hub's
-- visitor id in its cohort exports. The password is a random secret of 192 bits shown once: its
-- SHA-256 is kept, not the password, and is compared in constant time.
CREATE TABLE connector_mixpanel (
    connector_id      BIGINT        NOT NULL,
    user_name         VARCHAR(64)   NOT NULL,
    password_sha256   BINARY(32)    NOT NULL,
    visitor_property  VARCHAR(255)  NOT NULL,
    credentials_at    TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_connector_mixpanel PRIMARY KEY (connector_id),
    CONSTRAINT fk_connector_mixpanel_connector FOREIGN KEY (connector_id) REFERENCES connector (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
--rollback DROP TABLE connector_mixpanel;
