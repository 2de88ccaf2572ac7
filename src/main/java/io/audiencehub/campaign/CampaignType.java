package io.audiencehub.campaign;

public enum CampaignType {
    /** An original and at least one variation, split by weight. */
    AB_TEST("A/B test"),
    /** One or more experiences shown to the whole targeted traffic, split by weight. */
    PERSONALIZATION("Personalization");

    private final String label;

    CampaignType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
