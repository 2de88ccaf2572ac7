--liquibase formatted sql

-- The Mixpanel sandbox: a project, its users and what its snippet stand-in recorded of them (people.set,
-- track), cohorts by a rule, Custom Webhook connections as a customer pastes them, each cohort's sync
-- to a connection with the snapshot of its last successful sync (to send diffs), and every delivery.
--changeset audiencehub:20261203-0700-sandbox-mixpanel
CREATE TABLE sandbox_mixpanel_project (
    id     BIGINT       NOT NULL,
    name   VARCHAR(120) NOT NULL,
    token  VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_sandbox_mixpanel_project PRIMARY KEY (id),
    CONSTRAINT uk_sandbox_mixpanel_project_token UNIQUE (token)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO sandbox_mixpanel_project (id, name, token) VALUES (2195193, 'Acme Store', 'acme-store-sandbox-token');

CREATE TABLE sandbox_mixpanel_user (
    project_id   BIGINT       NOT NULL,
    distinct_id  VARCHAR(64)  NOT NULL,
    email        VARCHAR(255) NULL,
    first_seen   TIMESTAMP(3) NOT NULL,
    last_seen    TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_sandbox_mixpanel_user PRIMARY KEY (project_id, distinct_id),
    CONSTRAINT fk_sandbox_mixpanel_user_project FOREIGN KEY (project_id) REFERENCES sandbox_mixpanel_project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sandbox_mixpanel_user_property (
    project_id   BIGINT       NOT NULL,
    distinct_id  VARCHAR(64)  NOT NULL,
    name         VARCHAR(255) NOT NULL,
    value        VARCHAR(255) NOT NULL,
    updated_at   TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_sandbox_mixpanel_user_property PRIMARY KEY (project_id, distinct_id, name),
    CONSTRAINT fk_sandbox_mixpanel_user_property_user FOREIGN KEY (project_id, distinct_id)
        REFERENCES sandbox_mixpanel_user (project_id, distinct_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_sandbox_mixpanel_user_property_name ON sandbox_mixpanel_user_property (project_id, name);

CREATE TABLE sandbox_mixpanel_event (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    project_id   BIGINT       NOT NULL,
    distinct_id  VARCHAR(64)  NOT NULL,
    name         VARCHAR(255) NOT NULL,
    properties   TEXT         NOT NULL,
    at           TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_sandbox_mixpanel_event PRIMARY KEY (id),
    CONSTRAINT fk_sandbox_mixpanel_event_project FOREIGN KEY (project_id) REFERENCES sandbox_mixpanel_project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_sandbox_mixpanel_event_user ON sandbox_mixpanel_event (project_id, distinct_id);

CREATE TABLE sandbox_mixpanel_connection (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    project_id       BIGINT        NOT NULL,
    name             VARCHAR(120)  NOT NULL,
    webhook_url      VARCHAR(2000) NOT NULL,
    user_name        VARCHAR(255)  NULL,
    password         VARCHAR(255)  NULL,
    export_property  VARCHAR(255)  NOT NULL,
    created_at       TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_sandbox_mixpanel_connection PRIMARY KEY (id),
    CONSTRAINT uk_sandbox_mixpanel_connection_name UNIQUE (project_id, name),
    CONSTRAINT fk_sandbox_mixpanel_connection_project FOREIGN KEY (project_id) REFERENCES sandbox_mixpanel_project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sandbox_mixpanel_cohort (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    project_id     BIGINT       NOT NULL,
    name           VARCHAR(120) NOT NULL,
    description    VARCHAR(255) NULL,
    rule_property  VARCHAR(255) NOT NULL,
    rule_value     VARCHAR(255) NULL,
    created_at     TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_sandbox_mixpanel_cohort PRIMARY KEY (id),
    CONSTRAINT uk_sandbox_mixpanel_cohort_name UNIQUE (project_id, name),
    CONSTRAINT fk_sandbox_mixpanel_cohort_project FOREIGN KEY (project_id) REFERENCES sandbox_mixpanel_project (id)
) ENGINE = InnoDB AUTO_INCREMENT = 1234567 DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- a cohort's export to a connection: recurring or not, paused after an answer that will not heal
CREATE TABLE sandbox_mixpanel_sync (
    cohort_id      BIGINT        NOT NULL,
    connection_id  BIGINT        NOT NULL,
    recurring      BOOLEAN       NOT NULL DEFAULT FALSE,
    next_sync_at   TIMESTAMP(3)  NULL,
    paused         BOOLEAN       NOT NULL DEFAULT FALSE,
    snapshot_at    TIMESTAMP(3)  NULL,
    last_sync_at   TIMESTAMP(3)  NULL,
    last_result    VARCHAR(1000) NULL,
    CONSTRAINT pk_sandbox_mixpanel_sync PRIMARY KEY (cohort_id),
    CONSTRAINT fk_sandbox_mixpanel_sync_cohort FOREIGN KEY (cohort_id) REFERENCES sandbox_mixpanel_cohort (id) ON DELETE CASCADE,
    CONSTRAINT fk_sandbox_mixpanel_sync_connection FOREIGN KEY (connection_id) REFERENCES sandbox_mixpanel_connection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the members the last successful sync left the receiver with, as they were sent
CREATE TABLE sandbox_mixpanel_snapshot_member (
    cohort_id    BIGINT       NOT NULL,
    distinct_id  VARCHAR(64)  NOT NULL,
    email        VARCHAR(255) NULL,
    exported     VARCHAR(255) NULL,
    CONSTRAINT pk_sandbox_mixpanel_snapshot_member PRIMARY KEY (cohort_id, distinct_id),
    CONSTRAINT fk_sandbox_mixpanel_snapshot_member_sync FOREIGN KEY (cohort_id) REFERENCES sandbox_mixpanel_sync (cohort_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sandbox_mixpanel_delivery (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    cohort_id    BIGINT        NOT NULL,
    session_id   VARCHAR(64)   NOT NULL,
    action       VARCHAR(16)   NOT NULL,
    page_count   INT           NOT NULL,
    total_pages  INT           NOT NULL,
    members      INT           NOT NULL,
    attempt      INT           NOT NULL,
    status       INT           NULL,
    outcome      VARCHAR(1000) NOT NULL,
    at           TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_sandbox_mixpanel_delivery PRIMARY KEY (id),
    CONSTRAINT fk_sandbox_mixpanel_delivery_cohort FOREIGN KEY (cohort_id) REFERENCES sandbox_mixpanel_cohort (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_sandbox_mixpanel_delivery_cohort ON sandbox_mixpanel_delivery (cohort_id, id);
--rollback DROP TABLE sandbox_mixpanel_delivery;
--rollback DROP TABLE sandbox_mixpanel_snapshot_member;
--rollback DROP TABLE sandbox_mixpanel_sync;
--rollback DROP TABLE sandbox_mixpanel_cohort;
--rollback DROP TABLE sandbox_mixpanel_connection;
--rollback DROP TABLE sandbox_mixpanel_event;
--rollback DROP TABLE sandbox_mixpanel_user_property;
--rollback DROP TABLE sandbox_mixpanel_user;
--rollback DROP TABLE sandbox_mixpanel_project;
