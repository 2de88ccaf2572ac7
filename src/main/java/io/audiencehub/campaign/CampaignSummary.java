package io.audiencehub.campaign;

import java.util.List;

/**
 * A campaign as the list shows it.
 *
 * @param segments the targeted segments' names, in order
 * @param warnings what the segment builder flags in those segments (an empty or vanished audience)
 * @param variations each variation with its weight and the decisions it got in the last 24 hours on
 *                   every hub, "Original 50 % (12 in 24 h)"
 * @param keptVisitors when it keeps its visitors, how many it keeps (on every hub), and how many of them were last
 *                     decided outside its segments; null when it does not keep them
 */
public record CampaignSummary(long id, String name, String type, CampaignStatus status, boolean allSegments,
                              List<String> segments, List<String> warnings, int trafficPercent,
                              List<String> variations, KeptVisitors keptVisitors) {

    /** The visitors a campaign keeps, and those of them last decided outside its segments (drift). */
    public record KeptVisitors(long exposed, long outsideSegments) {
    }
}
