--liquibase formatted sql

-- Keys of server-side clients of the API: only a SHA-256 of each key is kept; the key is shown once.
--changeset audiencehub:20261130-0904-api-key
CREATE TABLE api_key (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    name           VARCHAR(120) NOT NULL,
    prefix         CHAR(12)     NOT NULL,
    key_sha256     CHAR(64)     NOT NULL,
    created_by     VARCHAR(80)  NOT NULL,
    created_at     TIMESTAMP(3) NOT NULL,
    revoked_by     VARCHAR(80)  NULL,
    revoked_at     TIMESTAMP(3) NULL,
    CONSTRAINT pk_api_key PRIMARY KEY (id),
    CONSTRAINT uk_api_key_hash UNIQUE (key_sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE api_key;
