package io.audiencehub.campaign;

import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentNode;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.VisitorContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The targeting of the decision benchmarks, drawn at random from a seed: the in-process benchmark
 * and the HTTP one's data set draw the same kinds of segments, campaigns and visitors.
 */
final class BenchTargeting {

    static final int AUDIENCES = 10_000;
    static final int MEMBERSHIPS = 5_000_000;
    static final int VISITORS = 1_000_000;
    static final int SEGMENTS = 1_000;
    static final int CAMPAIGNS = 200;

    private BenchTargeting() {
    }

    /** One to three conditions: an imported audience (one in five negated), a page URL or a device. */
    static SegmentDefinition segment(Random random, long connectorId, long[] audienceIds) {
        List<SegmentNode> conditions = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Criterion criterion = switch (random.nextInt(4)) {
                case 0, 1 -> new Criterion.ExternalAudience(connectorId, audienceIds[random.nextInt(audienceIds.length)]);
                case 2 -> new Criterion.PageUrl(Criterion.UrlMatch.CONTAINS, random.nextBoolean() ? "cart" : "home");
                default -> new Criterion.DeviceType(random.nextBoolean() ? Criterion.Device.MOBILE : Criterion.Device.DESKTOP);
            };
            conditions.add(new Condition(criterion, random.nextInt(5) == 0));
        }
        return new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
                new Group(random.nextBoolean() ? Combinator.ALL : Combinator.SOME, conditions));
    }

    /** An A/B test on one to three of the segments, All or Some, 50 to 100 % of traffic, three variations. */
    static CampaignDraft campaign(Random random, String name, long[] segmentIds) {
        int targeted = 1 + random.nextInt(3);
        List<Long> chosen = new ArrayList<>();
        while (chosen.size() < targeted) {
            long segmentId = segmentIds[random.nextInt(segmentIds.length)];
            if (!chosen.contains(segmentId)) {
                chosen.add(segmentId);
            }
        }
        return new CampaignDraft(name, CampaignType.AB_TEST, random.nextBoolean(), chosen, 50 + random.nextInt(51),
                List.of(new Variation("original", Variation.ORIGINAL, 50, null, null, null),
                        new Variation("v1", "Variation 1", 30, null, "#hero", "<h1>Hi</h1>"),
                        new Variation("v2", "Variation 2", 20, "{\"banner\": \"x\"}", null, null)),
                null, null);
    }

    /** A visitor of the data set, {@code visitor-<n>}, on a cart or home page, on a phone or a desktop. */
    static VisitorContext visitor(Random random, Instant now) {
        return new VisitorContext("visitor-" + random.nextInt(VISITORS), random.nextBoolean(),
                random.nextBoolean() ? Criterion.Device.MOBILE : Criterion.Device.DESKTOP, Criterion.BrowserName.CHROME,
                "en-GB", "GB", "https://shop.example.com/" + (random.nextBoolean() ? "cart" : "home") + "?utm=mail",
                Map.of("plan", "free"), now);
    }
}
