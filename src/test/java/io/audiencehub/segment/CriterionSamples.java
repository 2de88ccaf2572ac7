package io.audiencehub.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.segment.Criterion.BrowserName;
import io.audiencehub.segment.Criterion.Device;
import io.audiencehub.segment.Criterion.Kind;
import io.audiencehub.segment.Criterion.UrlMatch;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One valid criterion of every type, for the tests that check each concern handles them all; a type
 * added to {@link Criterion} and left out here fails {@link #requireEveryType}.
 */
public final class CriterionSamples {

    public static final List<Criterion> EVERY = List.of(
            new Criterion.ExternalAudience(3, 7),
            new Criterion.VisitorKind(Kind.RETURNING),
            new Criterion.DeviceType(Device.MOBILE),
            new Criterion.Browser(BrowserName.FIREFOX),
            new Criterion.Language("fr"),
            new Criterion.Country("FR"),
            new Criterion.PageUrl(UrlMatch.STARTS_WITH, "https://shop.example.com/cart"),
            new Criterion.Cookie("consent", "yes"),
            new Criterion.QueryParameter("coupon", "WINTER"),
            new Criterion.Weekday(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "Europe/Paris"),
            new Criterion.HourRange(22, 6, "Europe/Paris"),
            new Criterion.DateRange(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), "Europe/Paris"));

    private CriterionSamples() {
    }

    /** Fails unless {@link #EVERY} holds exactly one criterion of each type {@link Criterion} permits. */
    public static void requireEveryType() {
        assertThat(EVERY.stream().map(Object::getClass).toList())
                .as("one sample of each criterion type, in CriterionSamples.EVERY")
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Criterion.class.getPermittedSubclasses()));
    }
}
