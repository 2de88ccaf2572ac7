--liquibase formatted sql

-- Decisions counted per campaign, variation and minute, added to by every hub, so that the campaign
-- list shows the last 24 hours across all of them.
--changeset audiencehub:20261130-0901-campaign-decision-count
CREATE TABLE campaign_decision_count (
    campaign_id    BIGINT       NOT NULL,
    variation_key  VARCHAR(64)  NOT NULL,
    minute         TIMESTAMP    NOT NULL,
    decisions      BIGINT       NOT NULL,
    CONSTRAINT pk_campaign_decision_count PRIMARY KEY (campaign_id, variation_key, minute),
    INDEX ix_campaign_decision_count_minute (minute)
) ENGINE = InnoDB;
--rollback DROP TABLE campaign_decision_count;
