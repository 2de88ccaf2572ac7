package io.audiencehub.campaign;

import java.time.Instant;
import java.util.List;

/**
 * What an admin sets on a campaign; the status changes only through its own actions.
 *
 * @param keepVisitors sticky exposure, see {@link Campaign#keepVisitors()}; {@link #keepsVisitorsByDefault} when
 *                     not said
 */
public record CampaignDraft(String name, CampaignType type, boolean allSegments, List<Long> segmentIds,
                            int trafficPercent, boolean keepVisitors, List<Variation> variations, Instant startAt,
                            Instant endAt) {

    /** A draft that keeps its visitors as its type does by default. */
    public CampaignDraft(String name, CampaignType type, boolean allSegments, List<Long> segmentIds, int trafficPercent,
                         List<Variation> variations, Instant startAt, Instant endAt) {
        this(name, type, allSegments, segmentIds, trafficPercent, keepsVisitorsByDefault(type), variations, startAt,
                endAt);
    }

    /**
     * An A/B test keeps the visitors it exposed, so that nobody leaves an experiment half way (a selection bias);
     * a personalization follows its audiences as they change.
     */
    public static boolean keepsVisitorsByDefault(CampaignType type) {
        return type == CampaignType.AB_TEST;
    }
}
