--liquibase formatted sql

--changeset audiencehub:20261130-1102-visitor-first-seen-index
-- The audience writer counts visitors first seen by the other hubs of a cluster from their rows: the
-- recent ones, every few seconds.
CREATE INDEX ix_visitor_first_seen ON visitor (first_seen);
--rollback DROP INDEX ix_visitor_first_seen ON visitor;
