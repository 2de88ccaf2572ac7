package io.audiencehub.campaign;

import java.util.List;

/**
 * A start refused because audiences the campaign targets are not there yet: never synced, empty, stale or
 * failing, or gone. An admin may start it anyway by confirming; it then shows the warnings until they clear.
 *
 * @param problems each audience and what is wrong with it
 */
public class AudiencesNotReady extends CampaignException {

    private final transient List<String> problems;

    AudiencesNotReady(Campaign campaign, List<String> problems) {
        super("Campaign \"" + campaign.name() + "\" was not started: " + String.join("; ", problems)
                + ". Wait until its audiences are healthy, or start it anyway by confirming; it then shows this"
                + " warning until they are.");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
