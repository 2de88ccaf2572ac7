--liquibase formatted sql

--changeset audiencehub:20261130-1001-sync-refusal
-- Refused deliveries counted per connector (0: none named), status and minute, with a sample of
-- each: a flood of refusals costs a row a minute, not a row a request.
CREATE TABLE sync_refusal (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    minute         TIMESTAMP     NOT NULL,
    connector_key  BIGINT        NOT NULL,
    status         INT           NOT NULL,
    refusals       INT           NOT NULL,
    first_at       TIMESTAMP(3)  NOT NULL,
    last_at        TIMESTAMP(3)  NOT NULL,
    id_token       VARCHAR(255)  NULL,
    reason         VARCHAR(1000) NOT NULL,
    client_address VARCHAR(45)   NULL,
    CONSTRAINT pk_sync_refusal PRIMARY KEY (id),
    CONSTRAINT uk_sync_refusal UNIQUE (connector_key, status, minute),
    INDEX ix_sync_refusal_last (connector_key, last_at),
    INDEX ix_sync_refusal_minute (minute)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO sync_refusal (minute, connector_key, status, refusals, first_at, last_at, id_token, reason)
SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:00'), COALESCE(connector_id, 0), status, COUNT(*), MIN(at), MAX(at),
       MAX(id_token), MAX(reason)
FROM sync_rejection
GROUP BY DATE_FORMAT(at, '%Y-%m-%d %H:%i:00'), COALESCE(connector_id, 0), status;
DROP TABLE sync_rejection;
--rollback CREATE TABLE sync_rejection (id BIGINT NOT NULL AUTO_INCREMENT, at TIMESTAMP(3) NOT NULL, connector_id BIGINT NULL, id_token VARCHAR(255) NULL, status INT NOT NULL, reason VARCHAR(1000) NOT NULL, CONSTRAINT pk_sync_rejection PRIMARY KEY (id), INDEX ix_sync_rejection_connector (connector_id, at), INDEX ix_sync_rejection_at (at)) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback INSERT INTO sync_rejection (at, connector_id, id_token, status, reason) SELECT last_at, NULLIF(connector_key, 0), id_token, status, reason FROM sync_refusal;
--rollback DROP TABLE sync_refusal;
