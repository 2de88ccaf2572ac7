--liquibase formatted sql

--changeset audiencehub:20261130-1103-visitor-erasure
-- Visitors erased on request. Only their member key is kept (the salted 64-bit hash audiences hold,
-- never the id): it stays suppressed, so that no sync adds it to an audience again, until an admin
-- lifts it. The audience writer carries out both requests: applied_at once it removed the key from
-- every audience; a lift request until it dropped the suppression.
CREATE TABLE audience_suppression (
    member_key          BIGINT       NOT NULL,
    erased_by           VARCHAR(80)  NOT NULL,
    erased_at           TIMESTAMP(3) NOT NULL,
    applied_at          TIMESTAMP(3) NULL,
    memberships_removed INT          NULL,
    lift_requested_by   VARCHAR(80)  NULL,
    lift_requested_at   TIMESTAMP(3) NULL,
    CONSTRAINT pk_audience_suppression PRIMARY KEY (member_key)
) ENGINE = InnoDB;

-- every erasure and lift, by whom and when; the visitor only as its member key
CREATE TABLE audience_erasure_audit (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    member_key  BIGINT       NOT NULL,
    action      VARCHAR(20)  NOT NULL,
    actor       VARCHAR(80)  NOT NULL,
    at          TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_audience_erasure_audit PRIMARY KEY (id),
    INDEX ix_audience_erasure_audit_at (at)
) ENGINE = InnoDB;

-- member numbers that are no longer known visitors (erased), for the hubs following the writer
ALTER TABLE audience_change ADD COLUMN no_longer_known LONGBLOB NULL;
--rollback ALTER TABLE audience_change DROP COLUMN no_longer_known; DROP TABLE audience_erasure_audit; DROP TABLE audience_suppression;
