package io.audiencehub.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.audiencehub.segment.SegmentExplainer.SegmentVerdict;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why a visitor gets, or does not get, one running campaign: a stable reason code and the same in
 * words, with the variation and bucket when it entered, and the verdict of each segment it targets.
 *
 * @param bucket the visitor's traffic bucket in the campaign, 0 to 9,999: it enters below the allocation
 *               times 100; null when the campaign was not reached that far
 * @param segments the targeted segments' verdicts; empty when the campaign was not reached that far
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignExplanation(long campaignId, String campaign, Reason reason, String why, String variationKey,
                                  String variation, Integer bucket, List<SegmentVerdict> segments) {

    /** The reason codes, stable for API clients (docs/decisions.md). */
    public enum Reason {
        /** In the targeted segments and within the traffic allocation: it sees {@code variation}. */
        ENTERED("Entered"),
        /**
         * The campaign keeps the visitors it exposed and exposed this one: it sees {@code variation} whatever its
         * segments and the traffic say now.
         */
        KEPT("Kept"),
        /** Its start date is still ahead. */
        NOT_STARTED("Not started"),
        /** Its end date is past. */
        ENDED("Ended"),
        /** It targets imported audiences that this hub has not loaded yet (the answer is stale). */
        AUDIENCES_NOT_LOADED("Audiences not loaded"),
        /** Not in the segments it targets (all of them, or any one, as the campaign says). */
        NOT_IN_SEGMENTS("Not in the segments"),
        /** In the targeted segments, but its bucket is outside the traffic allocation. */
        OUTSIDE_TRAFFIC("Outside the traffic");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static CampaignExplanation entered(Campaign campaign, Variation variation, int bucket,
                                       List<SegmentVerdict> segments) {
        return new CampaignExplanation(campaign.id(), campaign.name(), Reason.ENTERED, "entered: sees \""
                + variation.name() + "\" (bucket " + bucket + " of " + Assignment.BUCKETS + ", within the "
                + campaign.trafficPercent() + " % allocation)", variation.key(), variation.name(), bucket, segments);
    }

    /** @param enteredAt when it entered, as stored; null when this hub has not stored it yet (within a second) */
    static CampaignExplanation kept(Campaign campaign, Variation variation, java.time.Instant enteredAt,
                                    List<SegmentVerdict> segments) {
        return new CampaignExplanation(campaign.id(), campaign.name(), Reason.KEPT, "kept: entered on "
                + (enteredAt == null ? "its latest visit" : WHEN.format(enteredAt)) + ", sees \"" + variation.name()
                + "\" until the campaign ends, whatever its segments and traffic say now", variation.key(),
                variation.name(), null, segments);
    }

    static CampaignExplanation outsideTraffic(Campaign campaign, int bucket, List<SegmentVerdict> segments) {
        return new CampaignExplanation(campaign.id(), campaign.name(), Reason.OUTSIDE_TRAFFIC, "outside the traffic"
                + " allocation: bucket " + bucket + " of " + Assignment.BUCKETS + ", the campaign takes buckets below "
                + campaign.trafficPercent() * (Assignment.BUCKETS / 100) + " (" + campaign.trafficPercent() + " %)", null,
                null, bucket, segments);
    }

    static CampaignExplanation notInSegments(Campaign campaign, List<SegmentVerdict> segments) {
        String failing = segments.stream().filter(verdict -> !verdict.matched())
                .map(verdict -> "\"" + verdict.name() + "\": " + String.join("; ", verdict.unmet()))
                .collect(Collectors.joining(" · "));
        String rule = segments.size() == 1 ? "not in its segment " : campaign.allSegments()
                ? "not in every segment it targets, " : "in none of the segments it targets, ";
        return new CampaignExplanation(campaign.id(), campaign.name(), Reason.NOT_IN_SEGMENTS, rule + failing, null, null,
                null, segments);
    }

    static CampaignExplanation notStarted(Campaign campaign) {
        return new CampaignExplanation(campaign.id(), campaign.name(), Reason.NOT_STARTED, "not started: it starts "
                + WHEN.format(campaign.startAt()), null, null, null, List.of());
    }

    static CampaignExplanation ended(Campaign campaign) {
        return new CampaignExplanation(campaign.id(), campaign.name(), Reason.ENDED, "ended "
                + WHEN.format(campaign.endAt()), null, null, null, List.of());
    }

    static CampaignExplanation audiencesNotLoaded(Campaign campaign) {
        return new CampaignExplanation(campaign.id(), campaign.name(), Reason.AUDIENCES_NOT_LOADED, "not decided: it"
                + " targets imported audiences this hub has not loaded yet (it answers stale until it has)", null, null,
                null, List.of());
    }
}
