--liquibase formatted sql

-- Audiences imported from providers. Members are stored compactly: every member id is hashed with
-- this installation's salt to a 64-bit key, each key is given a dense sequence number once (the
-- chunks below, in order), and an audience's members are a RoaringBitmap of those numbers.
--changeset audiencehub:20261129-0700-audience
CREATE TABLE audience_key_salt (
    id    TINYINT    NOT NULL,
    salt  BINARY(32) NOT NULL,
    CONSTRAINT pk_audience_key_salt PRIMARY KEY (id),
    CONSTRAINT ck_audience_key_salt_single CHECK (id = 1)
) ENGINE = InnoDB;

CREATE TABLE audience_key_chunk (
    id          BIGINT   NOT NULL AUTO_INCREMENT,
    first_seq   INT      NOT NULL,
    key_count   INT      NOT NULL,
    member_keys LONGBLOB NOT NULL,
    CONSTRAINT pk_audience_key_chunk PRIMARY KEY (id),
    CONSTRAINT uk_audience_key_chunk_first_seq UNIQUE (first_seq)
) ENGINE = InnoDB;

-- connector_id is the connector feature's id; no foreign key, the connector feature refuses deletes instead
CREATE TABLE audience (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    connector_id   BIGINT       NOT NULL,
    segment_id     BIGINT       NOT NULL,
    name           VARCHAR(255) NOT NULL,
    member_count   BIGINT       NOT NULL DEFAULT 0,
    matched_count  BIGINT       NOT NULL DEFAULT 0,
    created_at     TIMESTAMP(3) NOT NULL,
    last_change_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_audience PRIMARY KEY (id),
    CONSTRAINT uk_audience_segment UNIQUE (connector_id, segment_id),
    INDEX ix_audience_connector_name (connector_id, name),
    CONSTRAINT ck_audience_counts CHECK (member_count >= 0 AND matched_count >= 0 AND matched_count <= member_count)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE audience_members (
    audience_id  BIGINT   NOT NULL,
    bitmap       LONGBLOB NOT NULL,
    CONSTRAINT pk_audience_members PRIMARY KEY (audience_id),
    CONSTRAINT fk_audience_members_audience FOREIGN KEY (audience_id) REFERENCES audience (id) ON DELETE CASCADE
) ENGINE = InnoDB;
--rollback DROP TABLE audience_members; DROP TABLE audience; DROP TABLE audience_key_chunk; DROP TABLE audience_key_salt;
