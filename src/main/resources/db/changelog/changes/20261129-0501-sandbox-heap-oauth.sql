--liquibase formatted sql

-- The Heap sandbox's own tables: its environments, one-time codes and issued tokens (hashed).
--changeset audiencehub:20261129-0501-sandbox-heap-oauth
CREATE TABLE sandbox_heap_environment (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    id_token    CHAR(36)     NOT NULL,
    name        VARCHAR(120) NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT pk_sandbox_heap_environment PRIMARY KEY (id),
    CONSTRAINT uk_sandbox_heap_environment_token UNIQUE (id_token)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sandbox_heap_authorization_code (
    code            CHAR(43)     NOT NULL,
    environment_id  BIGINT       NOT NULL,
    client_id       VARCHAR(120) NOT NULL,
    redirect_uri    VARCHAR(500) NOT NULL,
    code_challenge  VARCHAR(128) NULL,
    created_at      TIMESTAMP(3) NOT NULL,
    used_at         TIMESTAMP(3) NULL,
    CONSTRAINT pk_sandbox_heap_authorization_code PRIMARY KEY (code),
    CONSTRAINT fk_sandbox_heap_code_environment FOREIGN KEY (environment_id) REFERENCES sandbox_heap_environment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sandbox_heap_access_token (
    token_sha256    CHAR(64)     NOT NULL,
    environment_id  BIGINT       NOT NULL,
    client_id       VARCHAR(120) NOT NULL,
    created_at      TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_sandbox_heap_access_token PRIMARY KEY (token_sha256),
    CONSTRAINT fk_sandbox_heap_token_environment FOREIGN KEY (environment_id) REFERENCES sandbox_heap_environment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE sandbox_heap_access_token; DROP TABLE sandbox_heap_authorization_code; DROP TABLE sandbox_heap_environment;

