--liquibase formatted sql

--changeset audiencehub:20261202-1302-user-audit
-- Every change to a local user (created, role changed, password reset, unlocked, removed, made admin at
-- start-up), by whom and when; never a password or its hash.
CREATE TABLE user_audit (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    username  VARCHAR(80)  NOT NULL,
    action    VARCHAR(24)  NOT NULL,
    actor     VARCHAR(80)  NOT NULL,
    at        TIMESTAMP(3) NOT NULL,
    detail    VARCHAR(500) NULL,
    CONSTRAINT pk_user_audit PRIMARY KEY (id),
    INDEX ix_user_audit_at (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE user_audit;
