--liquibase formatted sql

-- Every change requested with an API key (any method but GET, HEAD and OPTIONS), allowed or not: which
-- key, what, and the answer's status. The change itself is also recorded where the UI records it.
--changeset audiencehub:20261130-1203-api-key-write
CREATE TABLE api_key_write (
    id       BIGINT        NOT NULL AUTO_INCREMENT,
    key_id   BIGINT        NOT NULL,
    actor    VARCHAR(80)   NOT NULL,
    method   VARCHAR(10)   NOT NULL,
    path     VARCHAR(500)  NOT NULL,
    status   INT           NOT NULL,
    at       TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_api_key_write PRIMARY KEY (id),
    INDEX ix_api_key_write_at (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE api_key_write;
