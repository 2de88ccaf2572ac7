package io.audiencehub.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A campaign: who it targets (segments combined with All or Some), the share of them that enters, its
 * variations and when it runs.
 *
 * @param allSegments true when a visitor must be in every segment, false when one is enough
 * @param trafficPercent the share of targeted visitors that enter, 1 to 100
 * @param keepVisitors a visitor decided in keeps the campaign, with its variation, until it ends (sticky
 *                     exposure), whatever its segments and traffic say later
 * @param startAt before it, a running campaign decides nothing; null: at once
 * @param endAt from it on, a running campaign decides nothing; null: until ended
 */
public record Campaign(long id, String name, CampaignType type, boolean allSegments, List<Long> segmentIds,
                       int trafficPercent, boolean keepVisitors, List<Variation> variations, Instant startAt, Instant endAt,
                       CampaignStatus status, String updatedBy, Instant updatedAt) {

    /** Whether it decides for visitors at {@code now}: running, and within its dates. */
    public boolean isLive(Instant now) {
        return status == CampaignStatus.RUNNING && (startAt == null || !now.isBefore(startAt))
                && (endAt == null || now.isBefore(endAt));
    }
}
