--liquibase formatted sql

--changeset audiencehub:20261129-0500-connector
CREATE TABLE connector (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    provider_id         VARCHAR(40)   NOT NULL,
    name                VARCHAR(80)   NOT NULL,
    state               VARCHAR(24)   NOT NULL,
    failure_reason      VARCHAR(500)  NULL,
    token_id            VARCHAR(64)   NULL,
    environment_name    VARCHAR(200)  NULL,
    api_base_url        VARCHAR(500)  NULL,
    access_token        VARBINARY(2048) NULL,
    created_by          VARCHAR(80)   NOT NULL,
    created_at          TIMESTAMP(3)  NOT NULL,
    updated_at          TIMESTAMP(3)  NOT NULL,
    -- one validated connector per provider environment; others may keep the id for history
    validated_token_id  VARCHAR(64) AS (CASE WHEN state = 'VALIDATED' THEN token_id END) PERSISTENT,
    CONSTRAINT pk_connector PRIMARY KEY (id),
    CONSTRAINT uk_connector_name UNIQUE (name),
    CONSTRAINT uk_connector_validated_token UNIQUE (provider_id, validated_token_id),
    CONSTRAINT ck_connector_state CHECK (state IN ('PENDING_AUTHORIZATION', 'VALIDATED', 'FAILED', 'DISCONNECTED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE connector_authorization (
    state          VARCHAR(64)  NOT NULL,
    connector_id   BIGINT       NOT NULL,
    code_verifier  VARCHAR(128) NOT NULL,
    redirect_uri   VARCHAR(500) NOT NULL,
    api_base_url   VARCHAR(500) NOT NULL,
    started_by     VARCHAR(80)  NOT NULL,
    created_at     TIMESTAMP(3) NOT NULL,
    completed_at   TIMESTAMP(3) NULL,
    CONSTRAINT pk_connector_authorization PRIMARY KEY (state),
    CONSTRAINT fk_connector_authorization_connector FOREIGN KEY (connector_id) REFERENCES connector (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- no foreign key: the trail of a deleted connector is kept
CREATE TABLE connector_audit (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    connector_id  BIGINT       NOT NULL,
    action        VARCHAR(24)  NOT NULL,
    actor         VARCHAR(80)  NOT NULL,
    at            TIMESTAMP(3) NOT NULL,
    detail        VARCHAR(500) NULL,
    CONSTRAINT pk_connector_audit PRIMARY KEY (id),
    INDEX ix_connector_audit_connector (connector_id, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE connector_audit; DROP TABLE connector_authorization; DROP TABLE connector;
