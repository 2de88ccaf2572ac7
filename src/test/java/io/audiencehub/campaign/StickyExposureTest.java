package io.audiencehub.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.campaign.Decider.Snapshot;
import io.audiencehub.segment.AudienceMembership;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentEvaluation;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.VisitorContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sticky rule: a campaign that keeps its visitors gives them the same variation until it ends. */
class StickyExposureTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final SegmentDefinition BUYERS = new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
            new Group(Combinator.ALL, List.of(new Condition(new Criterion.ExternalAudience(1, 7), false))));

    /** Audience 7's members, as the latest sync left them. */
    private final Set<String> buyers = new HashSet<>();
    private final SegmentEvaluation evaluation = new SegmentEvaluation(new AudienceMembership() {
        @Override
        public boolean isMember(long audienceId, String visitorId) {
            return buyers.contains(visitorId);
        }

        @Override
        public long[] audienceIdsOf(String visitorId) {
            return buyers.contains(visitorId) ? new long[] {7} : new long[0];
        }
    });
    private final KeptInMemory kept = new KeptInMemory();
    private final Decider decider = new Decider((live, variation) -> { }, kept);

    @Test
    void aKeptVisitorKeepsItsVariationAfterLeavingTheSegmentAndTheDriftIsNoted() {
        Snapshot test = snapshot(abTest(1, true, 100, 50, 50));
        buyers.add("ann");
        String first = variationOf(test, "ann");
        assertThat(kept.entered).containsExactly("Test 1/" + first);

        buyers.remove("ann");
        assertThat(variationOf(test, "ann")).as("kept after the sync dropped her").isEqualTo(first);
        assertThat(kept.moved).containsExactly("1: outside");
        assertThat(variationOf(test, "ann")).isEqualTo(first);
        assertThat(kept.moved).as("noted once, not at every decision").containsExactly("1: outside");

        buyers.add("ann");
        assertThat(variationOf(test, "ann")).isEqualTo(first);
        assertThat(kept.moved).containsExactly("1: outside", "1: inside");
        assertThat(kept.entered).as("entered once").hasSize(1);
    }

    @Test
    void aCampaignThatDoesNotKeepItsVisitorsFollowsTheSegment() {
        Snapshot personalization = snapshot(abTest(2, false, 100, 50, 50));
        buyers.add("bob");
        assertThat(variationOf(personalization, "bob")).isNotNull();

        buyers.remove("bob");
        assertThat(variationOf(personalization, "bob")).isNull();
        assertThat(kept.entered).isEmpty();
    }

    @Test
    void keptVisitorsStayWhateverTheTrafficAndWeightsSayNow() {
        List<String> visitors = List.of("v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12");
        buyers.addAll(visitors);
        Snapshot before = snapshot(abTest(3, true, 100, 50, 50));
        Map<String, String> first = new java.util.HashMap<>();
        visitors.forEach(visitor -> first.put(visitor, variationOf(before, visitor)));

        // paused, edited to a trickle of traffic all going to the original, started again
        Snapshot after = snapshot(abTest(3, true, 1, 100, 0));
        visitors.forEach(visitor -> assertThat(variationOf(after, visitor)).as(visitor).isEqualTo(first.get(visitor)));
        assertThat(first.values()).as("both variations were shown before").contains("original", "variation-1");
    }

    @Test
    void untilTheKeptVisitorsAreLoadedCampaignsThatKeepThemDecideNothing() {
        kept.loaded = false;
        buyers.add("cid");
        Decisions decided = decider.decide(snapshot(abTest(4, true, 100, 50, 50), abTest(5, false, 100, 50, 50)),
                visitor("cid"), NOW, true, Map.of(), false);

        assertThat(decided.stale()).isTrue();
        assertThat(decided.campaigns()).extracting(Decisions.Decision::campaignId).containsExactly(5L);
    }

    @Test
    void aVisitorWhoseVariationWasEditedAwayIsDecidedAgain() {
        buyers.add("dan");
        Snapshot before = snapshot(abTest(6, true, 100, 0, 100));
        assertThat(variationOf(before, "dan")).isEqualTo("variation-1");

        Campaign edited = new Campaign(6, "Test 6", CampaignType.AB_TEST, true, List.of(100L), 100, true,
                List.of(new Variation("original", "Original", 100, null, null, null)), null, null,
                CampaignStatus.RUNNING, "admin", NOW);
        assertThat(variationOf(snapshot(edited), "dan")).isEqualTo("original");
    }

    private String variationOf(Snapshot snapshot, String visitorId) {
        return decider.decide(snapshot, visitor(visitorId), NOW, true, Map.of(), false).campaigns().stream()
                .map(Decisions.Decision::variationKey).findFirst().orElse(null);
    }

    private Snapshot snapshot(Campaign... campaigns) {
        return Snapshot.of(List.of(campaigns), Map.of(100L, BUYERS), evaluation::prepare);
    }

    private static Campaign abTest(long id, boolean keepVisitors, int traffic, int originalWeight, int variationWeight) {
        return new Campaign(id, "Test " + id, CampaignType.AB_TEST, true, List.of(100L), traffic, keepVisitors,
                List.of(new Variation("original", "Original", originalWeight, null, null, null),
                        new Variation("variation-1", "Variation 1", variationWeight, "{\"banner\": \"hi\"}", null, null)),
                null, null, CampaignStatus.RUNNING, "admin", NOW);
    }

    private static VisitorContext visitor(String visitorId) {
        return new VisitorContext(visitorId, null, null, null, null, null, null, null, NOW);
    }
}
