package io.audiencehub.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Prepared segments answer exactly as the segments themselves, asking each criterion once per visitor. */
class PreparedSegmentsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Map<Long, Set<String>> AUDIENCES = Map.of(1L, Set.of("ann", "bob"), 2L, Set.of("bob", "cid"));

    private int audienceLookups;
    private final SegmentEvaluation evaluation = new SegmentEvaluation(new AudienceMembership() {
        @Override
        public boolean isMember(long audienceId, String visitorId) {
            return AUDIENCES.getOrDefault(audienceId, Set.of()).contains(visitorId);
        }

        @Override
        public long[] audienceIdsOf(String visitorId) {
            audienceLookups++;
            return AUDIENCES.entrySet().stream().filter(audience -> audience.getValue().contains(visitorId))
                    .mapToLong(Map.Entry::getKey).sorted().toArray();
        }
    });

    @Test
    void theyAnswerAsEachSegmentEvaluatedAlone() {
        Random random = new Random(7);
        List<SegmentDefinition> segments = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            segments.add(new SegmentDefinition(SegmentDefinition.CURRENT_VERSION, group(random, 0)));
        }
        segments.add(new SegmentDefinition(SegmentDefinition.CURRENT_VERSION, new Group(Combinator.ALL, List.of())));
        segments.add(new SegmentDefinition(SegmentDefinition.CURRENT_VERSION, new Group(Combinator.SOME, List.of())));
        PreparedSegments prepared = evaluation.prepare(segments);
        assertThat(prepared.size()).isEqualTo(segments.size());

        for (VisitorContext visitor : List.of(visitor("ann", Criterion.Device.MOBILE, "https://shop.example.com/cart"),
                visitor("bob", Criterion.Device.DESKTOP, "https://shop.example.com/home"),
                visitor("dan", null, null), visitor(null, Criterion.Device.MOBILE, "https://shop.example.com/cart"))) {
            IntPredicate inSegment = prepared.forVisitor(visitor);
            for (int i = segments.size() - 1; i >= 0; i--) {
                assertThat(inSegment.test(i)).as("segment %s for %s", segments.get(i).root(), visitor.visitorId())
                        .isEqualTo(evaluation.evaluate(segments.get(i), visitor));
            }
        }
    }

    @Test
    void aVisitorsAudiencesAreLookedUpOnceWhateverTheSegmentsAsk() {
        SegmentDefinition inOne = new SegmentDefinition(SegmentDefinition.CURRENT_VERSION, new Group(Combinator.ALL,
                List.of(new Condition(new Criterion.ExternalAudience(9, 1), false))));
        SegmentDefinition notInTwo = new SegmentDefinition(SegmentDefinition.CURRENT_VERSION, new Group(Combinator.SOME,
                List.of(new Condition(new Criterion.ExternalAudience(9, 2), true))));
        IntPredicate inSegment = evaluation.prepare(List.of(inOne, notInTwo, inOne)).forVisitor(visitor("ann", null, null));

        assertThat(inSegment.test(0)).isTrue();
        assertThat(inSegment.test(1)).isTrue();
        assertThat(inSegment.test(2)).isTrue();
        assertThat(audienceLookups).isEqualTo(1);
    }

    @Test
    @Timeout(10)
    void aPatternThatBacktracksForEverElsewhereAnswersInTimeLinearInTheUrl() {
        // java.util.regex needs about 2^2000 steps for this pattern on this URL
        SegmentDefinition catastrophic = segment(new Criterion.PageUrl(Criterion.UrlMatch.MATCHES_REGEX, "^/(a+)+$"),
                false);
        IntPredicate inSegment = evaluation.prepare(List.of(catastrophic))
                .forVisitor(visitor("ann", null, "/" + "a".repeat(2_000) + "!"));

        assertThat(inSegment.test(0)).isFalse();
        assertThat(evaluation.prepare(List.of(catastrophic)).forVisitor(visitor("ann", null, "/aaaa")).test(0)).isTrue();
    }

    @Test
    void aStoredPatternThatCannotRunMatchesNeitherAsIsNorAsIsNot() {
        Criterion lookAhead = new Criterion.PageUrl(Criterion.UrlMatch.MATCHES_REGEX, "^/cart(?!/empty)");
        PreparedSegments prepared = evaluation.prepare(List.of(segment(lookAhead, false), segment(lookAhead, true)));
        IntPredicate inSegment = prepared.forVisitor(visitor("ann", null, "/cart/full"));

        assertThat(inSegment.test(0)).isFalse();
        assertThat(inSegment.test(1)).isFalse();
        assertThat(SegmentValidation.criterionProblem(lookAhead)).get().asString()
                .contains("look-arounds and back-references are not supported");
    }

    private static SegmentDefinition segment(Criterion criterion, boolean negated) {
        return new SegmentDefinition(SegmentDefinition.CURRENT_VERSION, new Group(Combinator.ALL,
                List.of(new Condition(criterion, negated))));
    }

    /** Up to two levels of groups, as the builder allows, over audiences, devices and pages. */
    private static Group group(Random random, int depth) {
        List<SegmentNode> children = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            if (depth == 0 && random.nextInt(4) == 0) {
                children.add(group(random, depth + 1));
                continue;
            }
            Criterion criterion = switch (random.nextInt(3)) {
                case 0 -> new Criterion.ExternalAudience(9, 1 + random.nextInt(3));
                case 1 -> new Criterion.DeviceType(random.nextBoolean() ? Criterion.Device.MOBILE : Criterion.Device.DESKTOP);
                default -> new Criterion.PageUrl(Criterion.UrlMatch.CONTAINS, random.nextBoolean() ? "cart" : "home");
            };
            children.add(new Condition(criterion, random.nextBoolean()));
        }
        return new Group(random.nextBoolean() ? Combinator.ALL : Combinator.SOME, children);
    }

    private static VisitorContext visitor(String id, Criterion.Device device, String url) {
        return new VisitorContext(id, null, device, null, null, null, url, Map.of(), NOW);
    }
}
