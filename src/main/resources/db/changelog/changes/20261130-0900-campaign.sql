--liquibase formatted sql

-- Campaigns: their variations are a JSON array beside them; the segments they target are listed in
-- a side table, so that the campaigns of a segment are found without reading every campaign.
--changeset audiencehub:20261130-0900-campaign
CREATE TABLE campaign (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    name             VARCHAR(120) NOT NULL,
    type             VARCHAR(20)  NOT NULL,
    all_segments     BOOLEAN      NOT NULL,
    traffic_percent  INT          NOT NULL,
    variations       LONGTEXT     NOT NULL,
    start_at         TIMESTAMP(3) NULL,
    end_at           TIMESTAMP(3) NULL,
    status           VARCHAR(10)  NOT NULL,
    created_by       VARCHAR(80)  NOT NULL,
    created_at       TIMESTAMP(3) NOT NULL,
    updated_by       VARCHAR(80)  NOT NULL,
    updated_at       TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_campaign PRIMARY KEY (id),
    CONSTRAINT uk_campaign_name UNIQUE (name),
    CONSTRAINT ck_campaign_variations CHECK (JSON_VALID(variations)),
    CONSTRAINT ck_campaign_traffic CHECK (traffic_percent BETWEEN 1 AND 100),
    INDEX ix_campaign_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE campaign_segment (
    campaign_id  BIGINT NOT NULL,
    segment_id   BIGINT NOT NULL,
    position     INT    NOT NULL,
    CONSTRAINT pk_campaign_segment PRIMARY KEY (campaign_id, segment_id),
    CONSTRAINT fk_campaign_segment_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    INDEX ix_campaign_segment_segment (segment_id)
) ENGINE = InnoDB;
--rollback DROP TABLE campaign_segment; DROP TABLE campaign;
