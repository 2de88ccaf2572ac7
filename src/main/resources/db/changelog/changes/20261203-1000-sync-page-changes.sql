--liquibase formatted sql

--changeset audiencehub:20261203-1000-sync-page-changes
-- What each applied page changed, kept with the page for as long as its run (the sync history's
-- retention): the members it brought in and left out, as the audience feature numbers them (opaque
-- bytes here; null when none), and their ids, so that an admin can download a run's added and removed
-- ids. A page's ids are stored with it as the source sent them; applying it keeps only those that
-- changed the audience. They are stored in parts of at most 10,000, so that no statement
-- outgrows the server's max_allowed_packet however large a page is. Pages applied before this change
-- have neither.
ALTER TABLE sync_page ADD COLUMN entered_members LONGBLOB NULL AFTER member_keys,
    ADD COLUMN left_members LONGBLOB NULL AFTER entered_members,
    ADD INDEX ix_sync_page_audience (connector_id, audience_key, id);
CREATE TABLE sync_page_ids (
    page_id  BIGINT   NOT NULL,
    part     INT      NOT NULL,
    ids      LONGBLOB NOT NULL,
    CONSTRAINT pk_sync_page_ids PRIMARY KEY (page_id, part),
    CONSTRAINT fk_sync_page_ids_page FOREIGN KEY (page_id) REFERENCES sync_page (id) ON DELETE CASCADE
) ENGINE = InnoDB;
-- erasures whose member's ids are still to be removed from the kept pages (sync.ErasedIdsScrub)
CREATE TABLE sync_id_scrub (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    member        LONGBLOB     NOT NULL,
    requested_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_sync_id_scrub PRIMARY KEY (id)
) ENGINE = InnoDB;
--rollback DROP TABLE sync_id_scrub; DROP TABLE sync_page_ids; ALTER TABLE sync_page DROP INDEX ix_sync_page_audience, DROP COLUMN left_members, DROP COLUMN entered_members;
