package io.audiencehub.campaign;

import io.audiencehub.campaign.Decisions.Decision;
import io.audiencehub.campaign.Decisions.Payload;
import io.audiencehub.segment.PreparedSegments;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentExplainer.SegmentVerdict;
import io.audiencehub.segment.VisitorContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.ObjIntConsumer;

/**
 * The decision itself, over a snapshot of the running campaigns: which of them target the visitor,
 * whether it enters their traffic, and which variation it sees. Pure: the snapshot's segments answer
 * for the visitor, and what to do with each decision is given to it.
 */
final class Decider {

    /**
     * The running campaigns ready to decide, and the segments they target prepared together, each
     * once, so that a decision evaluates a segment that several campaigns share only once.
     */
    record Snapshot(List<Live> campaigns, PreparedSegments segments, Scan scan,
                    Map<Long, SegmentDefinition> definitions) {

        /**
         * The campaigns, in order; {@code definitions} holds every segment they target, and
         * {@code preparation} prepares them.
         */
        static Snapshot of(List<Campaign> campaigns, Map<Long, SegmentDefinition> definitions,
                           Function<List<SegmentDefinition>, PreparedSegments> preparation) {
            Map<Long, Integer> slots = new HashMap<>();
            List<SegmentDefinition> targeted = new ArrayList<>();
            List<Live> live = new ArrayList<>(campaigns.size());
            for (Campaign campaign : campaigns) {
                List<Long> segmentIds = campaign.segmentIds();
                SegmentDefinition[] segments = new SegmentDefinition[segmentIds.size()];
                int[] segmentSlots = new int[segmentIds.size()];
                for (int i = 0; i < segments.length; i++) {
                    segments[i] = definitions.get(segmentIds.get(i));
                    if (segments[i] == null) {
                        throw new IllegalArgumentException("campaign " + campaign.id() + " targets segment "
                                + segmentIds.get(i) + ", which is not among the definitions");
                    }
                    SegmentDefinition definition = segments[i];
                    segmentSlots[i] = slots.computeIfAbsent(segmentIds.get(i), id -> {
                        targeted.add(definition);
                        return targeted.size() - 1;
                    });
                }
                live.add(new Live(live.size(), campaign, segmentSlots,
                        Arrays.stream(segments).anyMatch(SegmentDefinition::usesExternalData)));
            }
            Map<Long, SegmentDefinition> targetedById = new HashMap<>();
            slots.keySet().forEach(id -> targetedById.put(id, definitions.get(id)));
            return new Snapshot(List.copyOf(live), preparation.apply(targeted), Scan.of(live), Map.copyOf(targetedById));
        }
    }

    /**
     * What a decision reads of every campaign, side by side in arrays: it passes over a few cache lines
     * instead of every campaign's objects, which it reads only for the campaigns the visitor enters.
     */
    record Scan(long[] ids, boolean[] running, boolean[] dated, boolean[] all, boolean[] external, int[] traffic,
                int[] slotsFrom, int[] slots) {

        static Scan of(List<Live> live) {
            int count = live.size();
            Scan scan = new Scan(new long[count], new boolean[count], new boolean[count], new boolean[count],
                    new boolean[count], new int[count], new int[count + 1],
                    new int[live.stream().mapToInt(entry -> entry.slots.length).sum()]);
            for (int c = 0; c < count; c++) {
                Live entry = live.get(c);
                Campaign campaign = entry.campaign;
                scan.ids[c] = campaign.id();
                scan.running[c] = campaign.status() == CampaignStatus.RUNNING;
                scan.dated[c] = campaign.startAt() != null || campaign.endAt() != null;
                scan.all[c] = campaign.allSegments();
                scan.external[c] = entry.usesExternalData;
                scan.traffic[c] = campaign.trafficPercent();
                System.arraycopy(entry.slots, 0, scan.slots, scan.slotsFrom[c], entry.slots.length);
                scan.slotsFrom[c + 1] = scan.slotsFrom[c] + entry.slots.length;
            }
            return scan;
        }

        private boolean targets(int campaign, IntPredicate inSegment) {
            boolean every = all[campaign];
            for (int i = slotsFrom[campaign]; i < slotsFrom[campaign + 1]; i++) {
                if (inSegment.test(slots[i]) != every) {
                    return !every;
                }
            }
            return every;
        }
    }

    /** A running campaign ready to decide: its segments' numbers among the prepared ones, and its variations' keys and weights. */
    static final class Live {

        private final int position;
        private final Campaign campaign;
        private final int[] slots;
        private final boolean usesExternalData;
        private final long[] keyHashes;
        private final int[] weights;
        /** Each variation's decision without matched segments: the same for every visitor, so built once. */
        private final Decision[] decisions;

        private Live(int position, Campaign campaign, int[] slots, boolean usesExternalData) {
            this.position = position;
            this.campaign = campaign;
            this.slots = slots;
            this.usesExternalData = usesExternalData;
            this.keyHashes = campaign.variations().stream().mapToLong(variation -> Assignment.keyHash(variation.key())).toArray();
            this.weights = campaign.variations().stream().mapToInt(Variation::weight).toArray();
            this.decisions = campaign.variations().stream().map(variation -> new Decision(campaign.id(), campaign.name(),
                    variation.key(), variation.name(), Payload.of(variation), null)).toArray(Decision[]::new);
        }

        /** Its place in the snapshot's campaigns. */
        int position() {
            return position;
        }

        Campaign campaign() {
            return campaign;
        }

        private Decision decision(int variation, IntPredicate inSegment, boolean withMatchedSegments) {
            Decision decision = decisions[variation];
            return !withMatchedSegments ? decision : new Decision(decision.campaignId(), decision.campaign(),
                    decision.variationKey(), decision.variation(), decision.payload(), matched(inSegment));
        }

        private List<Long> matched(IntPredicate inSegment) {
            if (campaign.allSegments()) {
                return campaign.segmentIds();
            }
            Long[] matched = new Long[slots.length];
            int count = 0;
            for (int i = 0; i < slots.length; i++) {
                if (inSegment.test(slots[i])) {
                    matched[count++] = campaign.segmentIds().get(i);
                }
            }
            return Collections.unmodifiableList(Arrays.asList(matched).subList(0, count));
        }
    }

    private final ObjIntConsumer<Live> decided;

    /** @param decided told of each campaign decided and the index of the variation chosen */
    Decider(ObjIntConsumer<Live> decided) {
        this.decided = decided;
    }

    /**
     * Decides for the visitor among the snapshot's campaigns, at {@code now}. Until the audiences are
     * loaded, a campaign whose segments read them is left out and the answer is marked stale. The
     * targeted segments the visitor is in are listed only {@code withMatchedSegments}.
     */
    Decisions decide(Snapshot snapshot, VisitorContext visitor, Instant now, boolean audiencesLoaded,
                     Map<String, Boolean> push, boolean withMatchedSegments) {
        boolean stale = false;
        IntPredicate inSegment = snapshot.segments().forVisitor(visitor);
        byte[] visitorBytes = Assignment.visitor(visitor.visitorId());
        Scan scan = snapshot.scan();
        // room for every campaign: growing the list as visitors enter dozens of them cost more
        List<Decision> decisions = new ArrayList<>(scan.ids().length);
        for (int c = 0; c < scan.ids().length; c++) {
            if (!scan.running()[c] || scan.dated()[c] && !snapshot.campaigns().get(c).campaign.isLive(now)) {
                continue;
            }
            if (scan.external()[c] && !audiencesLoaded) {
                stale = true;
                continue;
            }
            if (!scan.targets(c, inSegment)) {
                continue;
            }
            long[] hash = Assignment.hash(scan.ids()[c], visitorBytes);
            if (!Assignment.enters(hash, scan.traffic()[c])) {
                continue;
            }
            Live entry = snapshot.campaigns().get(c);
            Campaign campaign = entry.campaign;
            int chosen = Assignment.variation(hash, entry.keyHashes, entry.weights);
            decided.accept(entry, chosen);
            decisions.add(entry.decision(chosen, inSegment, withMatchedSegments));
        }
        return new Decisions(visitor.visitorId(), decisions, stale, push);
    }

    /**
     * Why the visitor gets, or does not get, each campaign of the snapshot at {@code now}, by the same
     * rules as {@link #decide}, with the segments' verdicts given; it counts no decision.
     */
    static List<CampaignExplanation> explain(Snapshot snapshot, VisitorContext visitor, Instant now,
                                             boolean audiencesLoaded, Map<Long, SegmentVerdict> verdicts) {
        byte[] visitorBytes = Assignment.visitor(visitor.visitorId());
        List<CampaignExplanation> explained = new ArrayList<>(snapshot.campaigns().size());
        for (Live entry : snapshot.campaigns()) {
            Campaign campaign = entry.campaign;
            if (campaign.status() != CampaignStatus.RUNNING) {
                continue;
            }
            List<SegmentVerdict> targeted = campaign.segmentIds().stream().map(verdicts::get).toList();
            if (campaign.startAt() != null && now.isBefore(campaign.startAt())) {
                explained.add(CampaignExplanation.notStarted(campaign));
            } else if (campaign.endAt() != null && !now.isBefore(campaign.endAt())) {
                explained.add(CampaignExplanation.ended(campaign));
            } else if (entry.usesExternalData && !audiencesLoaded) {
                explained.add(CampaignExplanation.audiencesNotLoaded(campaign));
            } else if (campaign.allSegments() ? !targeted.stream().allMatch(SegmentVerdict::matched)
                    : targeted.stream().noneMatch(SegmentVerdict::matched)) {
                explained.add(CampaignExplanation.notInSegments(campaign, targeted));
            } else {
                long[] hash = Assignment.hash(campaign.id(), visitorBytes);
                int bucket = Assignment.bucket(hash);
                explained.add(Assignment.enters(hash, campaign.trafficPercent())
                        ? CampaignExplanation.entered(campaign, campaign.variations().get(Assignment.variation(hash,
                        entry.keyHashes, entry.weights)), bucket, targeted)
                        : CampaignExplanation.outsideTraffic(campaign, bucket, targeted));
            }
        }
        return explained;
    }
}
