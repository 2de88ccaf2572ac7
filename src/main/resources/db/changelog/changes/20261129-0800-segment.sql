--liquibase formatted sql

-- Targeting segments. The definition is the versioned JSON document of docs/segments.md; the
-- audiences it names are listed beside it, so that a connector's or an audience's segments are found
-- without reading every document.
--changeset audiencehub:20261129-0800-segment
CREATE TABLE segment (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(120) NOT NULL,
    definition  LONGTEXT     NOT NULL,
    created_by  VARCHAR(80)  NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    updated_by  VARCHAR(80)  NOT NULL,
    updated_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_segment PRIMARY KEY (id),
    CONSTRAINT uk_segment_name UNIQUE (name),
    CONSTRAINT ck_segment_definition CHECK (JSON_VALID(definition))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE segment_external_audience (
    segment_id    BIGINT NOT NULL,
    connector_id  BIGINT NOT NULL,
    audience_id   BIGINT NOT NULL,
    CONSTRAINT pk_segment_external_audience PRIMARY KEY (segment_id, connector_id, audience_id),
    CONSTRAINT fk_segment_external_audience_segment FOREIGN KEY (segment_id) REFERENCES segment (id) ON DELETE CASCADE,
    INDEX ix_segment_external_audience_connector (connector_id)
) ENGINE = InnoDB;
--rollback DROP TABLE segment_external_audience; DROP TABLE segment;
