--liquibase formatted sql

--changeset audiencehub:20261207-1100-sync-guard
-- The guard on sudden audience changes (issue 25): per connector, whether a sync run that would
-- remove more than max_removed_percent of an audience, or grow it more than max_growth_factor times,
-- where a running campaign targets that audience, is held for an admin to approve or reject. A
-- connector without a row has the defaults (on, 50 %, 10x). Each change of them is audited.
CREATE TABLE sync_guard (
    connector_id         BIGINT       NOT NULL,
    enabled              BOOLEAN      NOT NULL,
    max_removed_percent  INT          NOT NULL,
    max_growth_factor    INT          NOT NULL,
    updated_by           VARCHAR(80)  NOT NULL,
    updated_at           TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_sync_guard PRIMARY KEY (connector_id),
    CONSTRAINT ck_sync_guard_removed CHECK (max_removed_percent BETWEEN 1 AND 100),
    CONSTRAINT ck_sync_guard_growth CHECK (max_growth_factor BETWEEN 2 AND 1000)
) ENGINE = InnoDB;
-- A held run: its pages stay stored and unapplied (the source was answered), later pages of the same
-- audience wait behind it; what it would do, a sample of the ids it would change, and the decision on it
-- (HELD, then APPROVED until the writer applied it as one change, APPLIED, or REJECTED and discarded).
CREATE TABLE sync_hold (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    connector_id    BIGINT        NOT NULL,
    audience_key    VARCHAR(255)  NOT NULL,
    audience_name   VARCHAR(255)  NOT NULL,
    sync_task_id    VARCHAR(255)  NOT NULL,
    members_before  BIGINT        NOT NULL,
    added           BIGINT        NOT NULL,
    removed         BIGINT        NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    sample_added    TEXT          NULL,
    sample_removed  TEXT          NULL,
    held_at         TIMESTAMP(3)  NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    decided_by      VARCHAR(80)   NULL,
    decided_at      TIMESTAMP(3)  NULL,
    CONSTRAINT pk_sync_hold PRIMARY KEY (id),
    INDEX ix_sync_hold_audience (connector_id, audience_key, status),
    INDEX ix_sync_hold_task (connector_id, sync_task_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE TABLE sync_guard_audit (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    connector_id  BIGINT        NOT NULL,
    what          VARCHAR(500)  NOT NULL,
    by_whom       VARCHAR(80)   NOT NULL,
    at            TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_sync_guard_audit PRIMARY KEY (id),
    INDEX ix_sync_guard_audit_connector (connector_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE sync_guard_audit; DROP TABLE sync_hold; DROP TABLE sync_guard;
