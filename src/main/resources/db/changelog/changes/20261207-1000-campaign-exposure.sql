--liquibase formatted sql

--changeset audiencehub:20261207-1000-campaign-exposure
-- Sticky exposure (issue 25): a campaign that keeps its visitors remembers each visitor it decided in,
-- with the variation it showed, so that the visitor keeps both until the campaign ends, whatever its
-- segments and traffic say later. A/B tests keep them by default, personalizations do not; campaigns
-- already there follow the same rule. visitor_key is a 64-bit hash of the visitor id (the id itself is
-- not kept); left_at is when the visitor was last decided outside the campaign's segments (drift), null
-- while it is inside. Every hub appends here and follows the others by id.
ALTER TABLE campaign ADD COLUMN keep_visitors BOOLEAN NOT NULL DEFAULT FALSE AFTER traffic_percent;
UPDATE campaign SET keep_visitors = TRUE WHERE type = 'AB_TEST';
CREATE TABLE campaign_exposure (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    campaign_id    BIGINT       NOT NULL,
    visitor_key    BIGINT       NOT NULL,
    variation_key  VARCHAR(64)  NOT NULL,
    entered_at     TIMESTAMP(3) NOT NULL,
    left_at        TIMESTAMP(3) NULL,
    CONSTRAINT pk_campaign_exposure PRIMARY KEY (id),
    CONSTRAINT uk_campaign_exposure UNIQUE (campaign_id, visitor_key),
    CONSTRAINT fk_campaign_exposure_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    INDEX ix_campaign_exposure_visitor (visitor_key),
    INDEX ix_campaign_exposure_left (campaign_id, left_at)
) ENGINE = InnoDB;
-- erased visitors whose exposures every hub forgets, followed by id as the exposures are
CREATE TABLE campaign_exposure_erased (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    visitor_key  BIGINT       NOT NULL,
    erased_at    TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_campaign_exposure_erased PRIMARY KEY (id)
) ENGINE = InnoDB;
--rollback DROP TABLE campaign_exposure_erased; DROP TABLE campaign_exposure; ALTER TABLE campaign DROP COLUMN keep_visitors;
