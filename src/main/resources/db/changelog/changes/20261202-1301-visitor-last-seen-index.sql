--liquibase formatted sql

--changeset audiencehub:20261202-1301-visitor-last-seen-index
-- Visitors not seen within the retention (audiencehub.visitors.retention) are forgotten, the oldest first.
CREATE INDEX ix_visitor_last_seen ON visitor (last_seen);
--rollback DROP INDEX ix_visitor_last_seen ON visitor;
