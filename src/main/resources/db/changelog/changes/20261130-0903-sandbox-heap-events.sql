--liquibase formatted sql

-- The events the Heap sandbox's heap.js stand-in records with heap.track().
--changeset audiencehub:20261130-0903-sandbox-heap-events
CREATE TABLE sandbox_heap_event (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    environment_id  BIGINT       NOT NULL,
    user_id         VARCHAR(64)  NOT NULL,
    name            VARCHAR(255) NOT NULL,
    properties      TEXT         NOT NULL,
    at              TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_sandbox_heap_event PRIMARY KEY (id),
    CONSTRAINT fk_sandbox_heap_event_user FOREIGN KEY (environment_id, user_id)
        REFERENCES sandbox_heap_user (environment_id, user_id) ON DELETE CASCADE,
    INDEX ix_sandbox_heap_event_user (environment_id, user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE sandbox_heap_event;
