--liquibase formatted sql

--changeset audiencehub:20261208-0000-audience-override
-- Manual includes and excludes (issue 25): ids an admin keeps always in or always out of an audience,
-- across every sync and replacement. An admin's request waits in requested_rule (ALWAYS_IN, ALWAYS_OUT,
-- or NONE to remove it) until the audience writer applies it; rule is what the writer applied, and
-- synced whether the source's own membership holds the id, so that removing the override gives the
-- source's answer back. visitor_id is shown to admins and leaves with an erasure of the visitor.
CREATE TABLE audience_override (
    audience_id     BIGINT       NOT NULL,
    member_key      BIGINT       NOT NULL,
    visitor_id      VARCHAR(256) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    rule            VARCHAR(10)  NULL,
    synced          BOOLEAN      NULL,
    requested_rule  VARCHAR(10)  NULL,
    changed_by      VARCHAR(80)  NOT NULL,
    changed_at      TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_audience_override PRIMARY KEY (audience_id, member_key),
    INDEX ix_audience_override_member (member_key),
    INDEX ix_audience_override_requested (requested_rule),
    CONSTRAINT fk_audience_override_audience FOREIGN KEY (audience_id) REFERENCES audience (id) ON DELETE CASCADE,
    CONSTRAINT ck_audience_override_rule CHECK (rule IN ('ALWAYS_IN', 'ALWAYS_OUT')),
    CONSTRAINT ck_audience_override_requested CHECK (requested_rule IN ('ALWAYS_IN', 'ALWAYS_OUT', 'NONE'))
) ENGINE = InnoDB;

-- every admin's change of them, with how many ids and, for one id, its member key; never the ids
CREATE TABLE audience_override_audit (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    audience_id  BIGINT       NOT NULL,
    action       VARCHAR(20)  NOT NULL,
    id_count     INT          NOT NULL,
    member_key   BIGINT       NULL,
    actor        VARCHAR(80)  NOT NULL,
    at           TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_audience_override_audit PRIMARY KEY (id),
    INDEX ix_audience_override_audit_audience (audience_id, at)
) ENGINE = InnoDB;
--rollback DROP TABLE audience_override_audit; DROP TABLE audience_override;
