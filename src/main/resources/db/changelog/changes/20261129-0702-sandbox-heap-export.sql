--liquibase formatted sql

-- The Heap sandbox's export side: segments over its users, the Audience Hub export of a segment,
-- the ids sent by its last successful sync (to send only what changed), and every delivery attempt.
--changeset audiencehub:20261129-0702-sandbox-heap-export
CREATE TABLE sandbox_heap_segment (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    environment_id  BIGINT       NOT NULL,
    name            VARCHAR(120) NOT NULL,
    rule_property   VARCHAR(100) NULL,
    rule_operator   VARCHAR(16)  NULL,
    rule_value      VARCHAR(255) NULL,
    created_at      TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_sandbox_heap_segment PRIMARY KEY (id),
    CONSTRAINT uk_sandbox_heap_segment_name UNIQUE (environment_id, name),
    CONSTRAINT fk_sandbox_heap_segment_environment FOREIGN KEY (environment_id) REFERENCES sandbox_heap_environment (id),
    CONSTRAINT ck_sandbox_heap_segment_rule CHECK (rule_operator IS NULL OR rule_operator IN ('EQUALS', 'CONTAINS', 'IS_SET'))
) ENGINE = InnoDB AUTO_INCREMENT = 1338065 DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the members of a segment defined by an uploaded list instead of a rule
CREATE TABLE sandbox_heap_segment_user (
    segment_id  BIGINT      NOT NULL,
    user_id     VARCHAR(64) NOT NULL,
    CONSTRAINT pk_sandbox_heap_segment_user PRIMARY KEY (segment_id, user_id),
    CONSTRAINT fk_sandbox_heap_segment_user_segment FOREIGN KEY (segment_id) REFERENCES sandbox_heap_segment (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sandbox_heap_export (
    segment_id        BIGINT       NOT NULL,
    user_id_property  VARCHAR(100) NOT NULL,
    confirmed_at      TIMESTAMP(3) NOT NULL,
    recurring         BOOLEAN      NOT NULL DEFAULT FALSE,
    next_sync_at      TIMESTAMP(3) NULL,
    last_sync_at      TIMESTAMP(3) NULL,
    last_result       VARCHAR(1000) NULL,
    CONSTRAINT pk_sandbox_heap_export PRIMARY KEY (segment_id),
    CONSTRAINT fk_sandbox_heap_export_segment FOREIGN KEY (segment_id) REFERENCES sandbox_heap_segment (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sandbox_heap_export_member (
    segment_id  BIGINT       NOT NULL,
    member_id   VARCHAR(255) NOT NULL,
    CONSTRAINT pk_sandbox_heap_export_member PRIMARY KEY (segment_id, member_id),
    CONSTRAINT fk_sandbox_heap_export_member_export FOREIGN KEY (segment_id) REFERENCES sandbox_heap_export (segment_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sandbox_heap_delivery (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    segment_id    BIGINT        NOT NULL,
    sync_task_id  CHAR(36)      NOT NULL,
    page_number   INT           NOT NULL,
    total_pages   INT           NOT NULL,
    adds          INT           NOT NULL,
    removes       INT           NOT NULL,
    attempt       INT           NOT NULL,
    status        INT           NULL,
    outcome       VARCHAR(1000) NOT NULL,
    at            TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_sandbox_heap_delivery PRIMARY KEY (id),
    CONSTRAINT fk_sandbox_heap_delivery_segment FOREIGN KEY (segment_id) REFERENCES sandbox_heap_segment (id) ON DELETE CASCADE,
    INDEX ix_sandbox_heap_delivery_segment (segment_id, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE sandbox_heap_delivery; DROP TABLE sandbox_heap_export_member; DROP TABLE sandbox_heap_export; DROP TABLE sandbox_heap_segment_user; DROP TABLE sandbox_heap_segment;
