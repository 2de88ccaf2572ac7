--liquibase formatted sql

--changeset audiencehub:20261130-1101-audience-writer
-- The writer's term (its fencing token, raised by every takeover) and the version of the audiences,
-- raised by every change the writer commits, only while its term is current. Each change is logged,
-- so that the other hubs follow the writer without reloading everything.
CREATE TABLE audience_writer (
    id              TINYINT      NOT NULL,
    term            BIGINT       NOT NULL,
    version         BIGINT       NOT NULL,
    writer          VARCHAR(255) NULL,
    term_started_at TIMESTAMP(3) NULL,
    CONSTRAINT pk_audience_writer PRIMARY KEY (id),
    CONSTRAINT ck_audience_writer_single CHECK (id = 1)
) ENGINE = InnoDB;
INSERT INTO audience_writer (id, term, version) VALUES (1, 0, 0);

-- members_changed: audiences whose members changed (their bitmap is read again); counts_changed: only
-- their counts; newly_known: member numbers that became known visitors (a RoaringBitmap)
CREATE TABLE audience_change (
    version         BIGINT       NOT NULL,
    term            BIGINT       NOT NULL,
    changed_at      TIMESTAMP(3) NOT NULL,
    members_changed MEDIUMTEXT   NOT NULL,
    counts_changed  MEDIUMTEXT   NOT NULL,
    newly_known     LONGBLOB     NULL,
    CONSTRAINT pk_audience_change PRIMARY KEY (version),
    INDEX ix_audience_change_at (changed_at)
) ENGINE = InnoDB;
--rollback DROP TABLE audience_change; DROP TABLE audience_writer;
