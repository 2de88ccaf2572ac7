package io.audiencehub.campaign;

/** Published when a campaign is created, changed or moves to another status, inside that transaction. */
public record CampaignChanged(long campaignId) {
}
