--liquibase formatted sql

--changeset audiencehub:20261203-0800-sync-run-counts-after
-- The audience's members and matched visitors once a run's latest page was applied: the history of
-- every audience, run by run, that its page in the Directory charts. Null for runs applied before.
ALTER TABLE sync_run ADD COLUMN members_after BIGINT NULL AFTER unidentified,
    ADD COLUMN matched_after BIGINT NULL AFTER members_after;
--rollback ALTER TABLE sync_run DROP COLUMN matched_after, DROP COLUMN members_after;
