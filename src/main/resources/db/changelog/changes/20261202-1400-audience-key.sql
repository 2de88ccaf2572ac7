--liquibase formatted sql

--changeset audiencehub:20261202-1400-audience-key
-- An audience is keyed by its connector and the source's own key for it, a string: a Heap or custom
-- source segment id, a CSV audience's name in lower case (any case replaces the same audience), a
-- Mixpanel cohort id. Until now the key was a Heap segment id, which other sources had to make up: a
-- CSV audience's was a hash of its name. Its syncs' pages and runs carry the same key.
ALTER TABLE audience ADD COLUMN audience_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL AFTER connector_id;
UPDATE audience a SET audience_key = CASE
    WHEN EXISTS (SELECT 1 FROM connector c WHERE c.id = a.connector_id AND c.provider_id = 'csv') THEN LOWER(a.name)
    ELSE CAST(a.segment_id AS CHAR) END;
ALTER TABLE sync_run ADD COLUMN audience_key VARCHAR(255) NULL AFTER sync_task_id;
UPDATE sync_run r LEFT JOIN audience a ON a.connector_id = r.connector_id AND a.segment_id = r.segment_id
SET r.audience_key = COALESCE(a.audience_key, CAST(r.segment_id AS CHAR));
ALTER TABLE sync_page ADD COLUMN audience_key VARCHAR(255) NULL AFTER total_pages;
UPDATE sync_page p LEFT JOIN audience a ON a.connector_id = p.connector_id AND a.segment_id = p.segment_id
SET p.audience_key = COALESCE(a.audience_key, CAST(p.segment_id AS CHAR));
ALTER TABLE audience MODIFY audience_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    DROP INDEX uk_audience_segment, ADD CONSTRAINT uk_audience_key UNIQUE (connector_id, audience_key),
    DROP COLUMN segment_id;
ALTER TABLE sync_run MODIFY audience_key VARCHAR(255) NOT NULL, DROP INDEX ix_sync_run_segment,
    ADD INDEX ix_sync_run_audience (connector_id, audience_key, started_at), DROP COLUMN segment_id;
ALTER TABLE sync_page MODIFY audience_key VARCHAR(255) NOT NULL, DROP COLUMN segment_id,
    CHANGE segment_name audience_name VARCHAR(255) NOT NULL;
-- back to made-up segment ids: a numeric key is the id; any other (a CSV name) hashed as versions before did
--rollback ALTER TABLE audience ADD COLUMN segment_id BIGINT NULL AFTER connector_id;
--rollback UPDATE audience SET segment_id = IF(audience_key REGEXP '^[0-9]{1,18}$', CAST(audience_key AS UNSIGNED), (CAST(CONV(LEFT(SHA2(audience_key, 256), 16), 16, 10) AS UNSIGNED) >> 11) & 0xFFFFFFFFFFFFF);
--rollback ALTER TABLE sync_run ADD COLUMN segment_id BIGINT NULL AFTER sync_task_id;
--rollback UPDATE sync_run SET segment_id = IF(audience_key REGEXP '^[0-9]{1,18}$', CAST(audience_key AS UNSIGNED), (CAST(CONV(LEFT(SHA2(audience_key, 256), 16), 16, 10) AS UNSIGNED) >> 11) & 0xFFFFFFFFFFFFF);
--rollback ALTER TABLE sync_page ADD COLUMN segment_id BIGINT NULL AFTER total_pages;
--rollback UPDATE sync_page SET segment_id = IF(audience_key REGEXP '^[0-9]{1,18}$', CAST(audience_key AS UNSIGNED), (CAST(CONV(LEFT(SHA2(audience_key, 256), 16), 16, 10) AS UNSIGNED) >> 11) & 0xFFFFFFFFFFFFF);
--rollback ALTER TABLE audience MODIFY segment_id BIGINT NOT NULL, DROP INDEX uk_audience_key, ADD CONSTRAINT uk_audience_segment UNIQUE (connector_id, segment_id), DROP COLUMN audience_key;
--rollback ALTER TABLE sync_run MODIFY segment_id BIGINT NOT NULL, DROP INDEX ix_sync_run_audience, ADD INDEX ix_sync_run_segment (connector_id, segment_id, started_at), DROP COLUMN audience_key;
--rollback ALTER TABLE sync_page MODIFY segment_id BIGINT NOT NULL, DROP COLUMN audience_key, CHANGE audience_name segment_name VARCHAR(255) NOT NULL;
