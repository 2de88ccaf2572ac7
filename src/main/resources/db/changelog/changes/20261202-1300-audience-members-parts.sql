--liquibase formatted sql

--changeset audiencehub:20261202-1300-audience-members-parts
-- An audience's members (a serialized RoaringBitmap) stored in numbered parts of at most 512 KiB each,
-- so that no statement outgrows the server's max_allowed_packet (16 MiB by default) however large the
-- audience grows. A bitmap stored before this change becomes its audience's part 0, as it is.
CREATE TABLE audience_members_part (
    audience_id  BIGINT   NOT NULL,
    part         INT      NOT NULL,
    bytes        LONGBLOB NOT NULL,
    CONSTRAINT pk_audience_members_part PRIMARY KEY (audience_id, part),
    CONSTRAINT fk_audience_members_part_audience FOREIGN KEY (audience_id) REFERENCES audience (id) ON DELETE CASCADE
) ENGINE = InnoDB;
INSERT INTO audience_members_part (audience_id, part, bytes) SELECT audience_id, 0, bitmap FROM audience_members;
DROP TABLE audience_members;
--rollback SET SESSION group_concat_max_len = 4294967295; CREATE TABLE audience_members (audience_id BIGINT NOT NULL, bitmap LONGBLOB NOT NULL, CONSTRAINT pk_audience_members PRIMARY KEY (audience_id), CONSTRAINT fk_audience_members_audience FOREIGN KEY (audience_id) REFERENCES audience (id) ON DELETE CASCADE) ENGINE = InnoDB; INSERT INTO audience_members (audience_id, bitmap) SELECT audience_id, GROUP_CONCAT(bytes ORDER BY part SEPARATOR '') FROM audience_members_part GROUP BY audience_id; DROP TABLE audience_members_part;
