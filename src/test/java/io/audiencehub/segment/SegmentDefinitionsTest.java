package io.audiencehub.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audiencehub.segment.Criterion.UrlMatch;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stored JSON document: a round trip keeps everything, and invalid documents are refused by path. */
class SegmentDefinitionsTest {

    @Test
    void aDefinitionWithEveryCriterionSurvivesTheRoundTrip() {
        SegmentDefinition definition = new SegmentDefinition(1, new Group(Combinator.ALL, List.of(
                new Condition(new Criterion.ExternalAudience(3, 42), false),
                new Group(Combinator.SOME, List.of(
                        new Condition(new Criterion.Country("FR"), false),
                        new Condition(new Criterion.Language("de"), true))),
                new Condition(new Criterion.PageUrl(UrlMatch.MATCHES_REGEX, "^/cart"), false),
                new Condition(new Criterion.Cookie("consent", null), false),
                new Condition(new Criterion.QueryParameter("coupon", "WINTER"), false),
                new Condition(new Criterion.Weekday(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "Europe/Paris"), false),
                new Condition(new Criterion.HourRange(9, 18, "Europe/Paris"), false),
                new Condition(new Criterion.DateRange(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 24), "UTC"), false),
                new Condition(new Criterion.VisitorKind(Criterion.Kind.NEW), false),
                new Condition(new Criterion.DeviceType(Criterion.Device.TABLET), false),
                new Condition(new Criterion.Browser(Criterion.BrowserName.SAFARI), false))));

        String json = SegmentDefinitions.write(definition);

        assertThat(json).startsWith("{\"version\":1,\"root\":{\"type\":\"group\",\"combinator\":\"ALL\"");
        assertThat(json).contains("{\"type\":\"external_audience\",\"connectorId\":3,\"audienceId\":42}");
        assertThat(SegmentDefinitions.read(json)).isEqualTo(definition);
    }

    @Test
    void invalidDocumentsAreRefusedNamingThePlace() {
        assertThatThrownBy(() -> SegmentDefinitions.read("{\"version\":2,\"root\":{\"type\":\"group\","
                + "\"combinator\":\"ALL\",\"children\":[]}}"))
                .hasMessageContaining("$.version: 2 is not a version this hub reads (1)");
        assertThatThrownBy(() -> SegmentDefinitions.read("{\"version\":1,\"root\":{\"type\":\"group\","
                + "\"combinator\":\"ALL\",\"children\":[{\"type\":\"condition\",\"negated\":false,\"criterion\":"
                + "{\"type\":\"page_url\",\"match\":\"MATCHES_REGEX\",\"value\":\"(unclosed\"}}]}}"))
                .hasMessageContaining("$.root.children[0].criterion.value: not a valid regular expression");
        assertThatThrownBy(() -> SegmentDefinitions.read("{\"version\":1,\"root\":{\"type\":\"group\","
                + "\"combinator\":\"ALL\",\"children\":[{\"type\":\"condition\",\"negated\":false,\"criterion\":"
                + "{\"type\":\"teleport\"}}]}}"))
                .hasMessageContaining("cannot be read");
    }

    @Test
    void groupsNestOnlyOneLevel() {
        Group deep = new Group(Combinator.ALL, List.of(new Group(Combinator.SOME, List.of(
                new Group(Combinator.ALL, List.of())))));
        assertThat(SegmentValidation.problems(new SegmentDefinition(1, deep)))
                .containsExactly("$.root.children[0].children[0]: groups nest one level only");
    }

    @Test
    void everyCriterionFieldIsChecked() {
        assertThat(SegmentValidation.criterionProblem(new Criterion.Country("XX"))).hasValueSatisfying(problem ->
                assertThat(problem).startsWith(".code: must be a two-letter ISO 3166-1 country code"));
        assertThat(SegmentValidation.criterionProblem(new Criterion.Language("zz"))).isPresent();
        assertThat(SegmentValidation.criterionProblem(new Criterion.HourRange(9, 9, "UTC")))
                .hasValue(".toHour: must be an hour from 0 to 24, other than the start");
        assertThat(SegmentValidation.criterionProblem(new Criterion.Weekday(Set.of(), "UTC")))
                .hasValue(".days: choose at least one day");
        assertThat(SegmentValidation.criterionProblem(new Criterion.Weekday(Set.of(DayOfWeek.MONDAY), "Mars/Base")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith(".timeZone: \"Mars/Base\" is not a time zone"));
        assertThat(SegmentValidation.criterionProblem(new Criterion.DateRange(LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 1), "UTC"))).hasValue(".to: choose a last day on or after the first");
        assertThat(SegmentValidation.criterionProblem(new Criterion.Cookie(" ", null))).isPresent();
        assertThat(SegmentValidation.criterionProblem(new Criterion.ExternalAudience(1, 0)))
                .hasValue(".audienceId: choose an audience");
        assertThat(SegmentValidation.criterionProblem(new Criterion.PageUrl(UrlMatch.CONTAINS, "/cart"))).isEmpty();
    }

    @Test
    void aClientsDocumentIsRefusedWithThePathOfItsProblem() {
        assertThat(SegmentDefinitions.parse("{\"version\": 1, \"root\": {\"type\": \"group\", \"combinator\": \"SOME\","
                + " \"children\": []}}").root().combinator()).isEqualTo(Combinator.SOME);
        assertThatThrownBy(() -> SegmentDefinitions.parse("{\"version\": 1, \"root\": {\"type\": \"group\","
                + " \"combinator\": \"ALL\", \"children\": [{\"type\": \"condition\", \"negated\": false,"
                + " \"criterion\": {\"type\": \"planet\"}}]}}"))
                .isInstanceOf(SegmentException.class).hasMessageStartingWith("definition.root.children[0].criterion:");
        assertThatThrownBy(() -> SegmentDefinitions.parse("null")).hasMessageStartingWith("definition: missing");
        assertThatThrownBy(() -> SegmentDefinitions.parse("{\"version\": 2, \"root\": {\"type\": \"group\","
                + " \"combinator\": \"ALL\", \"children\": []}}")).hasMessageContaining("version");
    }
}
