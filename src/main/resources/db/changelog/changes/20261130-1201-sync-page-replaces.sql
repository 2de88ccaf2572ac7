--liquibase formatted sql

-- A page that replaces its audience's members with its adds as one change (a CSV upload), instead of
-- adding and removing (Heap's and custom sources' pages).
--changeset audiencehub:20261130-1201-sync-page-replaces
ALTER TABLE sync_page ADD COLUMN replaces_members BOOLEAN NOT NULL DEFAULT FALSE;
--rollback ALTER TABLE sync_page DROP COLUMN replaces_members;
