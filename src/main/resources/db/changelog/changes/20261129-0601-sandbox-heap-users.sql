--liquibase formatted sql

-- The Heap sandbox's users and the user properties its heap.js stand-in records.
--changeset audiencehub:20261129-0601-sandbox-heap-users
CREATE TABLE sandbox_heap_user (
    environment_id  BIGINT       NOT NULL,
    user_id         VARCHAR(64)  NOT NULL,
    identity        VARCHAR(255) NULL,
    first_seen      TIMESTAMP(3) NOT NULL,
    last_seen       TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_sandbox_heap_user PRIMARY KEY (environment_id, user_id),
    CONSTRAINT fk_sandbox_heap_user_environment FOREIGN KEY (environment_id) REFERENCES sandbox_heap_environment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sandbox_heap_user_property (
    environment_id  BIGINT       NOT NULL,
    user_id         VARCHAR(64)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    value           VARCHAR(255) NOT NULL,
    updated_at      TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_sandbox_heap_user_property PRIMARY KEY (environment_id, user_id, name),
    CONSTRAINT fk_sandbox_heap_property_user FOREIGN KEY (environment_id, user_id)
        REFERENCES sandbox_heap_user (environment_id, user_id) ON DELETE CASCADE,
    INDEX ix_sandbox_heap_property_name (environment_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE sandbox_heap_user_property; DROP TABLE sandbox_heap_user;
