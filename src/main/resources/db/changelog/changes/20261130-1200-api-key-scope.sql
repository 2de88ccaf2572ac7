--liquibase formatted sql

-- What an API key may do: READ (the automation API's reads, and segments on the decision API) or WRITE
-- (also its changes). Keys made before scopes existed only read.
--changeset audiencehub:20261130-1200-api-key-scope
ALTER TABLE api_key ADD COLUMN scope VARCHAR(10) NOT NULL DEFAULT 'READ';
--rollback ALTER TABLE api_key DROP COLUMN scope;
