--liquibase formatted sql

--changeset audiencehub:20261202-1303-api-key-scopes
-- Least-privilege API keys: a set of scopes (READ, SEGMENTS, CAMPAIGNS, ERASURE) instead of READ or WRITE.
-- A key made before keeps what it could do: READ reads; WRITE changed segments, campaigns and erasures.
ALTER TABLE api_key ADD COLUMN scopes VARCHAR(100) NOT NULL DEFAULT 'READ';
UPDATE api_key SET scopes = 'READ,SEGMENTS,CAMPAIGNS,ERASURE' WHERE scope = 'WRITE';
ALTER TABLE api_key DROP COLUMN scope;
--rollback ALTER TABLE api_key ADD COLUMN scope VARCHAR(10) NOT NULL DEFAULT 'READ'; UPDATE api_key SET scope = 'WRITE' WHERE scopes <> 'READ'; ALTER TABLE api_key DROP COLUMN scopes;
