--liquibase formatted sql

--changeset audiencehub:20261203-0901-sync-run-last-page
-- The Overview's "audiences that changed most since yesterday" and the history's retention read the runs
-- by the time of their latest page, across connectors.
CREATE INDEX ix_sync_run_last_page ON sync_run (last_page_at);
--rollback DROP INDEX ix_sync_run_last_page ON sync_run;
