--liquibase formatted sql

--changeset audiencehub:20261202-1501-sync-run-unidentified
-- Members a source sent without an id the hub can match (a Mixpanel member without the visitor
-- property), counted per sync run: they are never stored, and the Directory shows how many there were.
ALTER TABLE sync_run ADD COLUMN unidentified BIGINT NOT NULL DEFAULT 0 AFTER ignored_removes;
--rollback ALTER TABLE sync_run DROP COLUMN unidentified;
