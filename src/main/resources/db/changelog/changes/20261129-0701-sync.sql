--liquibase formatted sql

-- Heap segment.users.sync deliveries: pages are stored durably before they are answered, then
-- applied in arrival order; a (connector, sync task, page) is stored once, so a retried page is
-- never applied twice.
--changeset audiencehub:20261129-0701-sync
CREATE TABLE sync_page (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    connector_id  BIGINT        NOT NULL,
    sync_task_id  VARCHAR(255)  NOT NULL,
    page_number   INT           NOT NULL,
    total_pages   INT           NOT NULL,
    segment_id    BIGINT        NOT NULL,
    segment_name  VARCHAR(255)  NOT NULL,
    add_count     INT           NOT NULL,
    remove_count  INT           NOT NULL,
    -- the adds' then the removes' member keys, 8 bytes each; dropped once applied
    member_keys   LONGBLOB      NULL,
    received_at   TIMESTAMP(3)  NOT NULL,
    applied_at    TIMESTAMP(3)  NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    last_error    VARCHAR(1000) NULL,
    CONSTRAINT pk_sync_page PRIMARY KEY (id),
    CONSTRAINT uk_sync_page UNIQUE (connector_id, sync_task_id, page_number),
    INDEX ix_sync_page_pending (applied_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sync_run (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    connector_id     BIGINT        NOT NULL,
    sync_task_id     VARCHAR(255)  NOT NULL,
    segment_id       BIGINT        NOT NULL,
    total_pages      INT           NOT NULL,
    pages_received   INT           NOT NULL DEFAULT 0,
    pages_applied    INT           NOT NULL DEFAULT 0,
    added            BIGINT        NOT NULL DEFAULT 0,
    removed          BIGINT        NOT NULL DEFAULT 0,
    ignored_adds     BIGINT        NOT NULL DEFAULT 0,
    ignored_removes  BIGINT        NOT NULL DEFAULT 0,
    started_at       TIMESTAMP(3)  NOT NULL,
    last_page_at     TIMESTAMP(3)  NOT NULL,
    completed_at     TIMESTAMP(3)  NULL,
    last_error       VARCHAR(1000) NULL,
    CONSTRAINT pk_sync_run PRIMARY KEY (id),
    CONSTRAINT uk_sync_run UNIQUE (connector_id, sync_task_id),
    INDEX ix_sync_run_segment (connector_id, segment_id, started_at),
    INDEX ix_sync_run_recent (connector_id, last_page_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- deliveries refused after the signature check passed or failed; connector_id when the id_token resolved
CREATE TABLE sync_rejection (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    at            TIMESTAMP(3)  NOT NULL,
    connector_id  BIGINT        NULL,
    id_token      VARCHAR(255)  NULL,
    status        INT           NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_sync_rejection PRIMARY KEY (id),
    INDEX ix_sync_rejection_connector (connector_id, at),
    INDEX ix_sync_rejection_at (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE sync_rejection; DROP TABLE sync_run; DROP TABLE sync_page;
