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
    record Scan(long[] ids, boolean[] running, boolean[] dated, boolean[] all, boolean[] external, boolean[] keeps,
                int[] traffic, int[] slotsFrom, int[] slots) {

        static Scan of(List<Live> live) {
            int count = live.size();
            Scan scan = new Scan(new long[count], new boolean[count], new boolean[count], new boolean[count],
                    new boolean[count], new boolean[count], new int[count], new int[count + 1],
                    new int[live.stream().mapToInt(entry -> entry.slots.length).sum()]);
            for (int c = 0; c < count; c++) {
                Live entry = live.get(c);
                Campaign campaign = entry.campaign;
                scan.ids[c] = campaign.id();
                scan.running[c] = campaign.status() == CampaignStatus.RUNNING;
                scan.dated[c] = campaign.startAt() != null || campaign.endAt() != null;
                scan.all[c] = campaign.allSegments();
                scan.external[c] = entry.usesExternalData;
                scan.keeps[c] = campaign.keepVisitors();
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

        /** The variation whose key hashes to {@code keyHash}, or -1 when it was edited away. */
        private int variationOf(long keyHash) {
            for (int i = 0; i < keyHashes.length; i++) {
                if (keyHashes[i] == keyHash) {
                    return i;
                }
            }
            return -1;
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

    /**
     * The visitors that campaigns which keep their visitors exposed (sticky exposure), as {@link Exposures} holds
     * them: a decision reads them once, and tells of visitors entering and of kept ones leaving their segments.
     */
    interface Keeping {

        /** Until they are, campaigns that keep their visitors decide nothing and the answer is stale. */
        boolean loaded();

        /** What the visitor holds, for {@link Exposures#find}. */
        long[] heldBy(long visitorKey);

        void entered(long visitorKey, Campaign campaign, Variation variation, long variationKeyHash);

        /** A kept visitor decided outside the campaign's segments, or back inside. */
        void outsideSegments(long visitorKey, long campaignId, boolean outside);
    }

    private final ObjIntConsumer<Live> decided;
    private final Keeping keeping;

    /**
     * @param decided told of each campaign decided and the index of the variation chosen
     * @param keeping the visitors kept by the campaigns that keep their visitors
     */
    Decider(ObjIntConsumer<Live> decided, Keeping keeping) {
        this.decided = decided;
        this.keeping = keeping;
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
        // what the visitor holds in the campaigns that keep it: read once, at the first such campaign
        long visitorKey = 0;
        long[] held = null;
        boolean heldRead = false;
        int from = 0;
        long previousKeeping = Long.MIN_VALUE;
        // room for every campaign: growing the list as visitors enter dozens of them cost more
        List<Decision> decisions = new ArrayList<>(scan.ids().length);
        for (int c = 0; c < scan.ids().length; c++) {
            if (!scan.running()[c] || scan.dated()[c] && !snapshot.campaigns().get(c).campaign.isLive(now)) {
                continue;
            }
            boolean keeps = scan.keeps()[c];
            if (keeps && !keeping.loaded()) {
                stale = true;
                continue;
            }
            if (keeps && !heldRead) {
                visitorKey = Exposures.visitorKey(visitor.visitorId());
                held = keeping.heldBy(visitorKey);
                heldRead = true;
            }
            int kept = -1;
            if (keeps && held != null) {
                long id = scan.ids()[c];
                // campaigns come in the order of their ids, as the visitor's exposures are held: one pass over them
                from = id < previousKeeping ? 0 : from;
                previousKeeping = id;
                kept = Exposures.find(held, id, from);
                from = Exposures.next(held, id, from);
            }
            if (kept >= 0 && decideKept(snapshot, c, held, kept, visitorKey, inSegment, audiencesLoaded,
                    withMatchedSegments, decisions)) {
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
            int chosen = Assignment.variation(hash, entry.keyHashes, entry.weights);
            if (keeps && kept < 0) {
                keeping.entered(visitorKey, entry.campaign, entry.campaign.variations().get(chosen),
                        entry.keyHashes[chosen]);
            }
            decided.accept(entry, chosen);
            decisions.add(entry.decision(chosen, inSegment, withMatchedSegments));
        }
        return new Decisions(visitor.visitorId(), decisions, stale, push);
    }

    /**
     * A kept visitor keeps its variation whatever its segments and the traffic say now; whether it is still in
     * the segments is noted (drift), where the audiences are loaded to say it.
     *
     * @return false when its variation was edited away, so that it is decided as any other visitor
     */
    private boolean decideKept(Snapshot snapshot, int c, long[] held, int kept, long visitorKey, IntPredicate inSegment,
                               boolean audiencesLoaded, boolean withMatchedSegments, List<Decision> decisions) {
        Live entry = snapshot.campaigns().get(c);
        int variation = entry.variationOf(Exposures.variationKeyHashAt(held, kept));
        if (variation < 0) {
            return false;
        }
        if (audiencesLoaded || !entry.usesExternalData) {
            boolean outside = !snapshot.scan().targets(c, inSegment);
            if (outside != Exposures.outsideSegmentsAt(held, kept)) {
                keeping.outsideSegments(visitorKey, entry.campaign.id(), outside);
            }
        }
        decided.accept(entry, variation);
        decisions.add(entry.decision(variation, inSegment, withMatchedSegments));
        return true;
    }

    /** The variation the campaign keeps the visitor in, from what it holds; -1 when it keeps it in none. */
    private static int keptVariation(Live entry, long[] held) {
        if (!entry.campaign.keepVisitors()) {
            return -1;
        }
        int at = Exposures.find(held, entry.campaign.id(), 0);
        return at < 0 ? -1 : entry.variationOf(Exposures.variationKeyHashAt(held, at));
    }

    /**
     * Why the visitor gets, or does not get, each campaign of the snapshot at {@code now}, by the same
     * rules as {@link #decide}, with the segments' verdicts given and what the visitor holds in the campaigns that
     * keep their visitors ({@code held}, with when it entered each); it counts no decision.
     */
    static List<CampaignExplanation> explain(Snapshot snapshot, VisitorContext visitor, Instant now,
                                             boolean audiencesLoaded, Map<Long, SegmentVerdict> verdicts,
                                             long[] held, Map<Long, Instant> enteredAt) {
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
            } else if (keptVariation(entry, held) >= 0) {
                explained.add(CampaignExplanation.kept(campaign, campaign.variations().get(keptVariation(entry, held)),
                        enteredAt.get(campaign.id()), targeted));
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
