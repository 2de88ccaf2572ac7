package io.audiencehub.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.segment.Criterion.BrowserName;
import io.audiencehub.segment.Criterion.Device;
import io.audiencehub.segment.Criterion.UrlMatch;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Truth tables of every criterion, of All / Some, of nesting and of negation, and unknown context. */
class SegmentEvaluationTest {

    /** Saturday 2026-11-28 23:30 UTC: Sunday 00:30 in Paris. */
    private static final Instant SATURDAY_NIGHT = Instant.parse("2026-11-28T23:30:00Z");
    private static final VisitorContext VISITOR = new VisitorContext("v1", true, Device.MOBILE, BrowserName.FIREFOX,
            "fr-CA", "FR", "https://shop.example.com/cart?coupon=WINTER&ref=mail", Map.of("consent", "yes"),
            SATURDAY_NIGHT);
    private static final VisitorContext UNKNOWN = new VisitorContext(null, null, null, null, null, null, null, null, null);

    private final SegmentEvaluation evaluation = new SegmentEvaluation((audienceId, visitorId) ->
            audienceId == 7 && visitorId.equals("v1"));

    @Test
    void theUnmetConditionsAreThoseThatKeepTheVisitorOutAndAgreeWithTheVerdict() {
        Condition mobile = new Condition(new Criterion.DeviceType(Device.MOBILE), false);
        Condition desktop = new Condition(new Criterion.DeviceType(Device.DESKTOP), false);
        Condition chrome = new Condition(new Criterion.Browser(BrowserName.CHROME), false);
        Condition notInSeven = new Condition(new Criterion.ExternalAudience(1, 7), true);
        Condition checkout = new Condition(new Criterion.PageUrl(UrlMatch.STARTS_WITH, "https://shop.example.com/checkout"),
                false);

        SegmentDefinition every = definition(new Group(Combinator.ALL, List.of(mobile, desktop, chrome, notInSeven)));
        assertThat(evaluation.unmet(every, VISITOR)).as("every failing child of an ALL group")
                .extracting(SegmentEvaluation.Unmet::condition).containsExactly(desktop, chrome, notInSeven);
        SegmentDefinition some = definition(new Group(Combinator.SOME, List.of(desktop,
                new Group(Combinator.ALL, List.of(mobile, checkout)))));
        assertThat(evaluation.unmet(some, VISITOR)).as("no child of a SOME group matched: all their reasons")
                .extracting(SegmentEvaluation.Unmet::condition).containsExactly(desktop, checkout);
        SegmentDefinition met = definition(new Group(Combinator.SOME, List.of(desktop, mobile)));
        assertThat(evaluation.unmet(met, VISITOR)).as("a SOME group one child matched keeps no reason").isEmpty();
        assertThat(evaluation.unmet(definition(new Group(Combinator.ALL, List.of(checkout))), UNKNOWN))
                .singleElement().satisfies(unmet -> assertThat(unmet.unknown()).as("no URL given").isTrue());
        for (SegmentDefinition definition : List.of(every, some, met)) {
            assertThat(evaluation.unmet(definition, VISITOR).isEmpty()).isEqualTo(evaluation.evaluate(definition, VISITOR));
        }
    }

    private static SegmentDefinition definition(Group root) {
        return new SegmentDefinition(SegmentDefinition.CURRENT_VERSION, root);
    }

    @Test
    void everyCriterionMatchesWhatItDescribes() {
        assertThat(test(new Criterion.ExternalAudience(1, 7))).isTrue();
        assertThat(test(new Criterion.ExternalAudience(1, 8))).isFalse();
        assertThat(test(new Criterion.VisitorKind(Criterion.Kind.RETURNING))).isTrue();
        assertThat(test(new Criterion.VisitorKind(Criterion.Kind.NEW))).isFalse();
        assertThat(test(new Criterion.DeviceType(Device.MOBILE))).isTrue();
        assertThat(test(new Criterion.DeviceType(Device.DESKTOP))).isFalse();
        assertThat(test(new Criterion.Browser(BrowserName.FIREFOX))).isTrue();
        assertThat(test(new Criterion.Browser(BrowserName.CHROME))).isFalse();
        assertThat(test(new Criterion.Language("fr"))).as("a regional variant").isTrue();
        assertThat(test(new Criterion.Language("en"))).isFalse();
        assertThat(test(new Criterion.Country("fr"))).isTrue();
        assertThat(test(new Criterion.Country("DE"))).isFalse();
        assertThat(test(new Criterion.Cookie("consent", null))).isTrue();
        assertThat(test(new Criterion.Cookie("consent", "yes"))).isTrue();
        assertThat(test(new Criterion.Cookie("consent", "no"))).isFalse();
        assertThat(test(new Criterion.Cookie("other", null))).isFalse();
        assertThat(test(new Criterion.QueryParameter("coupon", "WINTER"))).isTrue();
        assertThat(test(new Criterion.QueryParameter("ref", null))).isTrue();
        assertThat(test(new Criterion.QueryParameter("coupon", "SUMMER"))).isFalse();
        assertThat(test(new Criterion.QueryParameter("utm", null))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "EQUALS, https://shop.example.com/cart?coupon=WINTER&ref=mail, true",
            "EQUALS, https://shop.example.com/cart, false",
            "CONTAINS, /cart, true",
            "CONTAINS, /checkout, false",
            "STARTS_WITH, https://shop.example.com/, true",
            "STARTS_WITH, http://shop, false",
            "MATCHES_REGEX, /cart\\?.*coupon=[A-Z]+, true",
            "MATCHES_REGEX, ^https://www\\., false"})
    void pageUrlMatches(UrlMatch match, String value, boolean expected) {
        assertThat(test(new Criterion.PageUrl(match, value))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "UTC, SATURDAY, true", "UTC, SUNDAY, false",
            "Europe/Paris, SUNDAY, true", "Europe/Paris, SATURDAY, false"})
    void weekdaysAreTheVisitorsDayInTheChosenTimeZone(String zone, DayOfWeek day, boolean expected) {
        assertThat(test(new Criterion.Weekday(Set.of(day), zone))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "23, 24, UTC, true", "22, 23, UTC, false",
            "0, 1, Europe/Paris, true", "22, 2, Europe/Paris, true", "1, 22, Europe/Paris, false",
            "22, 2, UTC, true", "2, 22, UTC, false"})
    void hourRangesIncludeTheirStartExcludeTheirEndAndWrapPastMidnight(int from, int to, String zone, boolean expected) {
        assertThat(test(new Criterion.HourRange(from, to, zone))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-28, 2026-11-28, UTC, true", "2026-11-29, 2026-12-31, UTC, false",
            "2026-11-29, 2026-11-29, Europe/Paris, true", "2026-11-01, 2026-11-28, Europe/Paris, false"})
    void dateRangesIncludeBothDaysInTheChosenTimeZone(LocalDate from, LocalDate to, String zone, boolean expected) {
        assertThat(test(new Criterion.DateRange(from, to, zone))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            // combinator, first matches, second matches, expected
            "ALL, true, true, true", "ALL, true, false, false", "ALL, false, true, false", "ALL, false, false, false",
            "SOME, true, true, true", "SOME, true, false, true", "SOME, false, true, true", "SOME, false, false, false"})
    void allIsAndSomeIsOr(Combinator combinator, boolean first, boolean second, boolean expected) {
        assertThat(matches(new Group(combinator, List.of(condition(first, false), condition(second, false)))))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"true, false, true", "true, true, false", "false, false, false", "false, true, true"})
    void isNotNegatesACondition(boolean criterionMatches, boolean negated, boolean expected) {
        assertThat(matches(new Group(Combinator.ALL, List.of(condition(criterionMatches, negated))))).isEqualTo(expected);
    }

    @Test
    void groupsNestOneLevel() {
        Group mobileOrFrench = new Group(Combinator.SOME, List.of(condition(false, false), condition(true, false)));
        Group desktopOrGerman = new Group(Combinator.SOME, List.of(condition(false, false), condition(false, false)));
        assertThat(matches(new Group(Combinator.ALL, List.of(mobileOrFrench, condition(true, false))))).isTrue();
        assertThat(matches(new Group(Combinator.ALL, List.of(mobileOrFrench, desktopOrGerman)))).isFalse();
        assertThat(matches(new Group(Combinator.SOME, List.of(mobileOrFrench, desktopOrGerman)))).isTrue();
    }

    @Test
    void anEmptyAllGroupMatchesEveryoneAndAnEmptySomeGroupNoOne() {
        assertThat(matches(new Group(Combinator.ALL, List.of()))).isTrue();
        assertThat(matches(new Group(Combinator.SOME, List.of()))).isFalse();
    }

    @Test
    void aConditionOnUnknownContextMatchesNeitherAsIsNorAsIsNot() {
        List<Criterion> criteria = List.of(new Criterion.ExternalAudience(1, 7),
                new Criterion.VisitorKind(Criterion.Kind.NEW), new Criterion.DeviceType(Device.DESKTOP),
                new Criterion.Browser(BrowserName.CHROME), new Criterion.Language("fr"), new Criterion.Country("FR"),
                new Criterion.PageUrl(UrlMatch.CONTAINS, "/"), new Criterion.Cookie("consent", null),
                new Criterion.QueryParameter("coupon", null), new Criterion.Weekday(Set.of(DayOfWeek.MONDAY), "UTC"),
                new Criterion.HourRange(0, 24, "UTC"), new Criterion.DateRange(LocalDate.MIN, LocalDate.MAX, "UTC"));
        for (Criterion criterion : criteria) {
            for (boolean negated : new boolean[] {false, true}) {
                SegmentDefinition segment = new SegmentDefinition(1, new Group(Combinator.ALL,
                        List.of(new Condition(criterion, negated))));
                assertThat(evaluation.evaluate(segment, UNKNOWN)).as("%s negated=%s", criterion, negated).isFalse();
            }
        }
    }

    private Boolean test(Criterion criterion) {
        return criterion.accept(evaluation.tester(VISITOR));
    }

    private boolean matches(Group root) {
        return evaluation.evaluate(new SegmentDefinition(1, root), VISITOR);
    }

    /** A condition on the visitor's device that matches or not, as asked. */
    private static Condition condition(boolean matches, boolean negated) {
        return new Condition(new Criterion.DeviceType(matches ? Device.MOBILE : Device.TABLET), negated);
    }
}
