package io.audiencehub.campaign;

import io.audiencehub.campaign.Decisions.Decision;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.VisitorContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The decision itself, over a snapshot of the running campaigns: which of them target the visitor,
 * whether it enters their traffic, and which variation it sees. Pure: the segments' evaluation and
 * what to do with each decision are given to it.
 */
final class Decider {

    /** A running campaign ready to decide: its segments' definitions and its variations' keys and weights. */
    record Live(Campaign campaign, List<SegmentDefinition> segments, boolean usesExternalData, long[] keyHashes,
                int[] weights) {

        static Live of(Campaign campaign, List<SegmentDefinition> segments) {
            return new Live(campaign, List.copyOf(segments), segments.stream().anyMatch(SegmentDefinition::usesExternalData),
                    campaign.variations().stream().mapToLong(variation -> Assignment.keyHash(variation.key())).toArray(),
                    campaign.variations().stream().mapToInt(Variation::weight).toArray());
        }
    }

    private final Function<VisitorContext, Predicate<SegmentDefinition>> evaluators;
    private final BiConsumer<Campaign, Variation> decided;

    /**
     * @param evaluators for a visitor, whether it is in a segment; one is asked per decision, so it may
     *                   keep what it learns about the visitor for the next segment
     */
    Decider(Function<VisitorContext, Predicate<SegmentDefinition>> evaluators, BiConsumer<Campaign, Variation> decided) {
        this.evaluators = evaluators;
        this.decided = decided;
    }

    /**
     * Decides for the visitor among {@code live}, at {@code now}. Until the audiences are loaded, a
     * campaign whose segments read them is left out and the answer is marked stale.
     */
    Decisions decide(List<Live> live, VisitorContext visitor, Instant now, boolean audiencesLoaded,
                     boolean pushToHeap) {
        boolean stale = false;
        Predicate<SegmentDefinition> inSegment = evaluators.apply(visitor);
        byte[] visitorBytes = Assignment.visitor(visitor.visitorId());
        List<Decision> decisions = new ArrayList<>();
        for (Live entry : live) {
            Campaign campaign = entry.campaign();
            if (!campaign.isLive(now)) {
                continue;
            }
            if (entry.usesExternalData() && !audiencesLoaded) {
                stale = true;
                continue;
            }
            List<Long> matched = new ArrayList<>();
            for (int i = 0; i < entry.segments().size(); i++) {
                if (inSegment.test(entry.segments().get(i))) {
                    matched.add(campaign.segmentIds().get(i));
                }
            }
            boolean targeted = campaign.allSegments() ? matched.size() == entry.segments().size() : !matched.isEmpty();
            if (!targeted) {
                continue;
            }
            long[] hash = Assignment.hash(campaign.id(), visitorBytes);
            if (!Assignment.enters(hash, campaign.trafficPercent())) {
                continue;
            }
            Variation variation = campaign.variations().get(Assignment.variation(hash, entry.keyHashes(), entry.weights()));
            decided.accept(campaign, variation);
            decisions.add(new Decision(campaign.id(), campaign.name(), variation.key(), variation.name(),
                    variation.json(), variation.selector(), variation.html(), List.copyOf(matched)));
        }
        return new Decisions(visitor.visitorId(), decisions, stale, pushToHeap);
    }
}
