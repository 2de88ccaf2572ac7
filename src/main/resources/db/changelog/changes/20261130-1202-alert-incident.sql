--liquibase formatted sql

-- Incidents the hub alerts on (a failing, stale or incomplete connector, a running campaign's empty
-- audience): opened and resolved by the evaluation that one hub of a cluster runs at a time, and
-- notified once each way to the outgoing webhook, retried with backoff.
--changeset audiencehub:20261130-1202-alert-incident
CREATE TABLE alert_incident (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    kind                  VARCHAR(40)   NOT NULL,
    subject_id            BIGINT        NOT NULL,
    subject               VARCHAR(255)  NOT NULL,
    detail                VARCHAR(1000) NOT NULL,
    opened_at             TIMESTAMP(3)  NOT NULL,
    resolved_at           TIMESTAMP(3)  NULL,
    -- one open incident per kind and subject; resolved ones are kept as history
    open_key              VARCHAR(80) AS (CASE WHEN resolved_at IS NULL THEN CONCAT(kind, ':', subject_id) END) PERSISTENT,
    opened_notified_at    TIMESTAMP(3)  NULL,
    resolved_notified_at  TIMESTAMP(3)  NULL,
    notify_attempts       INT           NOT NULL DEFAULT 0,
    next_notify_at        TIMESTAMP(3)  NULL,
    last_notify_error     VARCHAR(500)  NULL,
    CONSTRAINT pk_alert_incident PRIMARY KEY (id),
    CONSTRAINT uk_alert_incident_open UNIQUE (open_key),
    INDEX ix_alert_incident_resolved (resolved_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE alert_incident;
