package io.audiencehub.campaign;

import java.time.Instant;
import java.util.List;

/** What an admin sets on a campaign; the status changes only through its own actions. */
public record CampaignDraft(String name, CampaignType type, boolean allSegments, List<Long> segmentIds,
                            int trafficPercent, List<Variation> variations, Instant startAt, Instant endAt) {
}
