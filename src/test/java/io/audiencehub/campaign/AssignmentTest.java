package io.audiencehub.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Deterministic, sticky assignment: the split over 100,000 visitors follows the weights. */
class AssignmentTest {

    private static final int VISITORS = 100_000;
    private static final List<String> KEYS = List.of("original", "v1", "v2");
    private static final List<String> IDS = IntStream.range(0, VISITORS).mapToObj(i -> "visitor-" + i).toList();

    @Test
    void trafficAllocationLetsInItsShareAndRaisingItOnlyAddsVisitors() {
        long inAt20 = IDS.stream().filter(id -> enters(7, id, 20)).count();
        assertThat(inAt20 / (double) VISITORS).isCloseTo(0.20, within(0.01));
        assertThat(IDS.stream().filter(id -> enters(7, id, 20)))
                .as("everyone in at 20 % is still in at 30 %").allMatch(id -> enters(7, id, 30));
        assertThat(IDS).allMatch(id -> enters(7, id, 100));
    }

    @Test
    void variationsSplitTheVisitorsByTheirWeights() {
        int[] seen = split(List.of(50, 30, 20));

        assertThat(seen[0] / (double) VISITORS).isCloseTo(0.50, within(0.01));
        assertThat(seen[1] / (double) VISITORS).isCloseTo(0.30, within(0.01));
        assertThat(seen[2] / (double) VISITORS).isCloseTo(0.20, within(0.01));
    }

    @Test
    void theSameVisitorGetsTheSameAnswerAndCampaignsAreIndependent() {
        List<Integer> weights = List.of(50, 50, 0);
        assertThat(IDS.subList(0, 1_000)).allMatch(id -> variation(1, id, KEYS, weights)
                == variation(1, id, KEYS, weights));
        long sameInBoth = IDS.stream().filter(id -> variation(1, id, KEYS, weights)
                == variation(2, id, KEYS, weights)).count();
        assertThat(sameInBoth / (double) VISITORS).as("another campaign splits its visitors afresh")
                .isCloseTo(0.5, within(0.01));
        assertThat(IDS).noneMatch(id -> variation(1, id, KEYS, weights) == 2);
    }

    @Test
    void changingOneWeightMovesVisitorsOnlyIntoOrOutOfThatVariation() {
        List<Integer> before = List.of(50, 30, 20);
        List<Integer> after = List.of(50, 30, 40);
        long moved = 0;
        for (String id : IDS) {
            int was = variation(9, id, KEYS, before);
            int is = variation(9, id, KEYS, after);
            if (was != is) {
                moved++;
                assertThat(is).as("a visitor who moved went to the variation whose weight grew").isEqualTo(2);
            }
        }
        // v2's share goes from 20 % to 40/120 = 33.3 %: the fewest visitors that can move is 13.3 %
        assertThat(moved / (double) VISITORS).isCloseTo(40.0 / 120 - 0.20, within(0.01));
    }

    @Test
    void aCampaignWithoutAWeightedVariationIsRefused() {
        assertThatThrownBy(() -> variation(1, "v", KEYS, List.of(0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int[] split(List<Integer> weights) {
        int[] seen = new int[KEYS.size()];
        IDS.forEach(id -> seen[variation(3, id, KEYS, weights)]++);
        return seen;
    }

    private static boolean enters(long campaignId, String visitorId, int trafficPercent) {
        return Assignment.enters(Assignment.hash(campaignId, Assignment.visitor(visitorId)), trafficPercent);
    }

    private static int variation(long campaignId, String visitorId, List<String> keys, List<Integer> weights) {
        return Assignment.variation(Assignment.hash(campaignId, Assignment.visitor(visitorId)),
                keys.stream().mapToLong(Assignment::keyHash).toArray(), weights.stream().mapToInt(Integer::intValue).toArray());
    }
}
