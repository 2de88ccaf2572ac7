package io.audiencehub.campaign;

/** A campaign change refused, with a message saying what is wrong and how to fix it. */
public class CampaignException extends RuntimeException {

    public CampaignException(String message) {
        super(message);
    }
}
