package io.audiencehub.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.audiencehub.segment.Criterion.BrowserName;
import io.audiencehub.segment.Criterion.Device;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every criterion type, through every concern of the segment module: its JSON name, its validation,
 * its words and its test for a visitor. The form's concerns are checked by {@code EveryCriterionFormTest}.
 */
class EveryCriterionTest {

    private static final VisitorContext EVERYTHING_KNOWN = new VisitorContext("v1", true, Device.MOBILE,
            BrowserName.FIREFOX, "fr-CA", "FR", "https://shop.example.com/cart?coupon=WINTER", Map.of("consent", "yes"),
            Instant.parse("2026-12-05T23:30:00Z"));

    @Test
    void theSamplesHoldOneCriterionOfEachType() {
        CriterionSamples.requireEveryType();
    }

    @Test
    void everyTypeHasAJsonNameAndIsStoredAndReadBackAsItWas() {
        List<Class<?>> named = Arrays.stream(Criterion.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value).toList();
        assertThat(named).containsExactlyInAnyOrder(Criterion.class.getPermittedSubclasses());
        for (Criterion criterion : CriterionSamples.EVERY) {
            SegmentDefinition definition = new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
                    new Group(Combinator.ALL, List.of(new Condition(criterion, false))));
            assertThat(SegmentDefinitions.read(SegmentDefinitions.write(definition))).as("%s", criterion)
                    .isEqualTo(definition);
        }
    }

    @Test
    void everyTypeIsValidatedDescribedAndTested() {
        SegmentEvaluation evaluation = new SegmentEvaluation((audienceId, visitorId) -> audienceId == 7);
        for (Criterion criterion : CriterionSamples.EVERY) {
            assertThat(SegmentValidation.criterionProblem(criterion)).as("%s is valid", criterion).isEmpty();
            String is = CriterionText.describe(criterion, false, audience -> "Free Customers");
            String isNot = CriterionText.describe(criterion, true, audience -> "Free Customers");
            assertThat(is).as("%s in words", criterion).isNotBlank().isNotEqualTo(isNot);
            assertThat(criterion.accept(evaluation.tester(EVERYTHING_KNOWN)))
                    .as("%s holds for a visitor it was written for", criterion).isTrue();
        }
    }
}
