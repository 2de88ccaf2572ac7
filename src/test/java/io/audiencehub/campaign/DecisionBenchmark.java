package io.audiencehub.campaign;

import io.audiencehub.audience.BenchAudiences;
import io.audiencehub.campaign.Decider.Live;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentEvaluation;
import io.audiencehub.segment.SegmentNode;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.VisitorContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Issue 11's in-process target: a decision over 200 running campaigns targeting 1,000 segments that
 * read 10,000 audiences holding 5,000,000 memberships, p99 at most 50 µs. Builds the data at random
 * (segments mix EXTERNAL DATA, negations, page and device criteria), warms up, then times 200,000
 * decisions one by one and prints the percentiles and the heap the data set takes. Run by
 * bench/decisions.sh.
 */
public final class DecisionBenchmark {

    private static final int AUDIENCES = 10_000;
    private static final int MEMBERSHIPS = 5_000_000;
    private static final int VISITORS = 1_000_000;
    private static final int SEGMENTS = 1_000;
    private static final int CAMPAIGNS = 200;
    private static final int DECISIONS = 200_000;

    private DecisionBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(20261130);
        long heapBefore = usedHeap();
        BenchAudiences audiences = BenchAudiences.filled(AUDIENCES, MEMBERSHIPS, VISITORS, random);
        List<SegmentDefinition> segments = new ArrayList<>(SEGMENTS);
        for (int i = 0; i < SEGMENTS; i++) {
            segments.add(segment(random));
        }
        List<Live> live = new ArrayList<>(CAMPAIGNS);
        for (long id = 1; id <= CAMPAIGNS; id++) {
            int targeted = 1 + random.nextInt(3);
            List<Long> segmentIds = new ArrayList<>();
            List<SegmentDefinition> definitions = new ArrayList<>();
            for (int t = 0; t < targeted; t++) {
                int index = random.nextInt(SEGMENTS);
                segmentIds.add((long) index);
                definitions.add(segments.get(index));
            }
            Campaign campaign = new Campaign(id, "Campaign " + id, CampaignType.AB_TEST, random.nextBoolean(),
                    segmentIds, 50 + random.nextInt(51), List.of(
                    new Variation("original", Variation.ORIGINAL, 50, null, null, null),
                    new Variation("v1", "Variation 1", 30, null, "#hero", "<h1>Hi</h1>"),
                    new Variation("v2", "Variation 2", 20, "{\"banner\": \"x\"}", null, null)),
                    null, null, CampaignStatus.RUNNING, "bench", Instant.now());
            live.add(Live.of(campaign, definitions));
        }
        long heapAfter = usedHeap();
        SegmentEvaluation evaluation = new SegmentEvaluation(audiences.membership());
        long[] entered = {0};
        Decider decider = new Decider(evaluation::forVisitor, (campaign, variation) -> entered[0]++);
        Instant now = Instant.now();
        VisitorContext[] visitors = new VisitorContext[4_096];
        for (int i = 0; i < visitors.length; i++) {
            visitors[i] = new VisitorContext("visitor-" + random.nextInt(VISITORS), random.nextBoolean(),
                    random.nextBoolean() ? Criterion.Device.MOBILE : Criterion.Device.DESKTOP, Criterion.BrowserName.CHROME,
                    "en-GB", "GB", "https://shop.example.com/" + (random.nextBoolean() ? "cart" : "home") + "?utm=mail",
                    Map.of("plan", "free"), now);
        }
        for (int i = 0; i < 100_000; i++) {
            decider.decide(live, visitors[i & 4_095], now, true, false);
        }
        entered[0] = 0;
        long[] nanos = new long[DECISIONS];
        for (int i = 0; i < DECISIONS; i++) {
            long start = System.nanoTime();
            decider.decide(live, visitors[i & 4_095], now, true, false);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("data set: %,d audiences, %,d memberships of %,d visitors, %,d segments, %,d running campaigns;"
                + " it takes %,d MB of heap%n", AUDIENCES, MEMBERSHIPS, VISITORS, SEGMENTS, CAMPAIGNS,
                (heapAfter - heapBefore) / (1024 * 1024));
        System.out.printf("%,d decisions, %.1f campaigns entered per decision: median %.1f µs, p99 %.1f µs"
                        + " (target <= 50 µs), p99.9 %.1f µs, slowest %.1f µs%n", DECISIONS, entered[0] / (double) DECISIONS,
                nanos[DECISIONS / 2] / 1e3, nanos[(int) (DECISIONS * 0.99)] / 1e3, nanos[(int) (DECISIONS * 0.999)] / 1e3,
                nanos[DECISIONS - 1] / 1e3);
    }

    /** One to three conditions: an audience (one in five negated), a page URL or a device. */
    private static SegmentDefinition segment(Random random) {
        List<SegmentNode> conditions = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Criterion criterion = switch (random.nextInt(4)) {
                case 0, 1 -> new Criterion.ExternalAudience(1, 1 + random.nextInt(AUDIENCES));
                case 2 -> new Criterion.PageUrl(Criterion.UrlMatch.CONTAINS, random.nextBoolean() ? "cart" : "home");
                default -> new Criterion.DeviceType(random.nextBoolean() ? Criterion.Device.MOBILE : Criterion.Device.DESKTOP);
            };
            conditions.add(new Condition(criterion, random.nextInt(5) == 0));
        }
        return new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
                new Group(random.nextBoolean() ? Combinator.ALL : Combinator.SOME, conditions));
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
