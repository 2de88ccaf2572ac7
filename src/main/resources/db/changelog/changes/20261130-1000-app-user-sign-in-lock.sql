--liquibase formatted sql

--changeset audiencehub:20261130-1000-app-user-sign-in-lock
ALTER TABLE app_user
    ADD COLUMN failed_sign_ins INT          NOT NULL DEFAULT 0,
    ADD COLUMN locked_until    TIMESTAMP(3) NULL;
--rollback ALTER TABLE app_user DROP COLUMN failed_sign_ins, DROP COLUMN locked_until;
