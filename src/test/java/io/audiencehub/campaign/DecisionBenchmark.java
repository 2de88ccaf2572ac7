package io.audiencehub.campaign;

import static io.audiencehub.campaign.BenchTargeting.AUDIENCES;
import static io.audiencehub.campaign.BenchTargeting.CAMPAIGNS;
import static io.audiencehub.campaign.BenchTargeting.MEMBERSHIPS;
import static io.audiencehub.campaign.BenchTargeting.SEGMENTS;
import static io.audiencehub.campaign.BenchTargeting.VISITORS;

import io.audiencehub.audience.BenchAudiences;
import io.audiencehub.campaign.Decider.Snapshot;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentEvaluation;
import io.audiencehub.segment.VisitorContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * Issue 11's in-process target: a decision over 200 running campaigns targeting 1,000 segments that
 * read 10,000 audiences holding 5,000,000 memberships, p99 at most 50 µs. Builds the data at random
 * ({@link BenchTargeting}), warms up, then times 200,000 decisions one by one and prints the
 * percentiles and the heap the data set takes. Run by bench/decisions.sh.
 */
public final class DecisionBenchmark {

    private static final int DECISIONS = 200_000;

    private DecisionBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(20261130);
        long heapBefore = usedHeap();
        BenchAudiences audiences = BenchAudiences.filled(AUDIENCES, MEMBERSHIPS, VISITORS, random);
        long[] audienceIds = LongStream.rangeClosed(1, AUDIENCES).toArray();
        Map<Long, SegmentDefinition> definitions = new HashMap<>();
        for (long id = 1; id <= SEGMENTS; id++) {
            definitions.put(id, BenchTargeting.segment(random, 1, audienceIds));
        }
        long[] segmentIds = LongStream.rangeClosed(1, SEGMENTS).toArray();
        List<CampaignDraft> drafts = new ArrayList<>(CAMPAIGNS);
        for (long id = 1; id <= CAMPAIGNS; id++) {
            drafts.add(BenchTargeting.campaign(random, "Campaign " + id, segmentIds));
        }
        Snapshot live = Snapshot.of(campaigns(drafts, false), definitions,
                new SegmentEvaluation(audiences.membership())::prepare);
        long heapAfter = usedHeap();
        Instant now = Instant.now();
        VisitorContext[] visitors = new VisitorContext[4_096];
        for (int i = 0; i < visitors.length; i++) {
            visitors[i] = BenchTargeting.visitor(random, now);
        }
        System.out.printf("data set: %,d audiences, %,d memberships of %,d visitors, %,d segments, %,d running campaigns;"
                + " it takes %,d MB of heap%n", AUDIENCES, MEMBERSHIPS, VISITORS, SEGMENTS, CAMPAIGNS,
                (heapAfter - heapBefore) / (1024 * 1024));
        time("no campaign keeps its visitors", live, new KeptInMemory(new Exposures(), false), visitors, now);

        // issue 25: every campaign keeps its visitors, and each of the 1,000,000 visitors is kept by 3 of them
        long beforeKept = usedHeap();
        Exposures exposures = new Exposures();
        for (int visitor = 0; visitor < VISITORS; visitor++) {
            long key = Exposures.visitorKey("visitor-" + visitor);
            for (int kept = 0; kept < STICKY_EXPOSURES_PER_VISITOR; kept++) {
                int campaign = random.nextInt(CAMPAIGNS);
                CampaignDraft draft = drafts.get(campaign);
                exposures.keep(key, campaign + 1L,
                        Assignment.keyHash(draft.variations().get(random.nextInt(draft.variations().size())).key()),
                        false, false);
            }
        }
        long keptHeap = usedHeap() - beforeKept;
        Snapshot sticky = Snapshot.of(campaigns(drafts, true), definitions,
                new SegmentEvaluation(audiences.membership())::prepare);
        System.out.printf("sticky: %,d campaigns keep their visitors, %,d visitors kept by %d of them each;"
                        + " the kept visitors take %,d MB of heap (%.1f bytes a visitor)%n", CAMPAIGNS, VISITORS,
                STICKY_EXPOSURES_PER_VISITOR, keptHeap / (1024 * 1024), keptHeap / (double) VISITORS);
        time("every campaign keeps its visitors", sticky, new KeptInMemory(exposures, false), visitors, now);
    }

    private static final int STICKY_EXPOSURES_PER_VISITOR = 3;

    private static List<Campaign> campaigns(List<CampaignDraft> drafts, boolean keepVisitors) {
        List<Campaign> campaigns = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            CampaignDraft draft = drafts.get(i);
            campaigns.add(new Campaign(i + 1L, draft.name(), draft.type(), draft.allSegments(), draft.segmentIds(),
                    draft.trafficPercent(), keepVisitors, draft.variations(), null, null, CampaignStatus.RUNNING,
                    "bench", Instant.now()));
        }
        return campaigns;
    }

    private static void time(String label, Snapshot live, Decider.Keeping keeping, VisitorContext[] visitors,
                             Instant now) {
        long[] entered = {0};
        Decider decider = new Decider((campaign, variation) -> entered[0]++, keeping);
        for (int i = 0; i < 100_000; i++) {
            decider.decide(live, visitors[i & 4_095], now, true, Map.of(), false);
        }
        entered[0] = 0;
        long[] nanos = new long[DECISIONS];
        for (int i = 0; i < DECISIONS; i++) {
            long start = System.nanoTime();
            decider.decide(live, visitors[i & 4_095], now, true, Map.of(), false);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%s: %,d decisions, %.1f campaigns entered per decision: median %.1f µs, p99 %.1f µs"
                        + " (target <= 50 µs), p99.9 %.1f µs, slowest %.1f µs%n", label, DECISIONS,
                entered[0] / (double) DECISIONS, nanos[DECISIONS / 2] / 1e3, nanos[(int) (DECISIONS * 0.99)] / 1e3,
                nanos[(int) (DECISIONS * 0.999)] / 1e3, nanos[DECISIONS - 1] / 1e3);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
