package io.audiencehub.segment;

import io.audiencehub.segment.Criterion.Browser;
import io.audiencehub.segment.Criterion.Cookie;
import io.audiencehub.segment.Criterion.Country;
import io.audiencehub.segment.Criterion.DateRange;
import io.audiencehub.segment.Criterion.DeviceType;
import io.audiencehub.segment.Criterion.ExternalAudience;
import io.audiencehub.segment.Criterion.HourRange;
import io.audiencehub.segment.Criterion.Language;
import io.audiencehub.segment.Criterion.PageUrl;
import io.audiencehub.segment.Criterion.QueryParameter;
import io.audiencehub.segment.Criterion.VisitorKind;
import io.audiencehub.segment.Criterion.Weekday;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A criterion in words: "device is mobile", "is not in Heap Analytics - Prod / Free Customers". */
public final class CriterionText {

    private CriterionText() {
    }

    public static String describe(Criterion criterion, boolean negated, Function<ExternalAudience, String> audienceName) {
        String is = negated ? "is not" : "is";
        if (criterion instanceof ExternalAudience audience) {
            return is + " in " + audienceName.apply(audience);
        }
        if (criterion instanceof VisitorKind kind) {
            return "visitor " + is + " " + lower(kind.kind());
        }
        if (criterion instanceof DeviceType device) {
            return "device " + is + " " + lower(device.device());
        }
        if (criterion instanceof Browser browser) {
            return "browser " + is + " " + lower(browser.browser());
        }
        if (criterion instanceof Language language) {
            return "language " + is + " " + language.code();
        }
        if (criterion instanceof Country country) {
            return "country " + is + " " + country.code().toUpperCase(Locale.ROOT);
        }
        if (criterion instanceof PageUrl page) {
            String how = switch (page.match()) {
                case EQUALS -> negated ? "does not equal" : "equals";
                case CONTAINS -> negated ? "does not contain" : "contains";
                case STARTS_WITH -> negated ? "does not start with" : "starts with";
                case MATCHES_REGEX -> negated ? "does not match" : "matches";
            };
            return "page URL " + how + " \"" + page.value() + "\"";
        }
        if (criterion instanceof Cookie cookie) {
            return "cookie " + cookie.name() + " " + (cookie.value() == null ? is + " present" : is + " \"" + cookie.value() + "\"");
        }
        if (criterion instanceof QueryParameter parameter) {
            return "query parameter " + parameter.name() + " "
                    + (parameter.value() == null ? is + " present" : is + " \"" + parameter.value() + "\"");
        }
        if (criterion instanceof Weekday weekday) {
            return "day " + is + " " + weekday.days().stream().sorted()
                    .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(", "))
                    + " (" + weekday.timeZone() + ")";
        }
        if (criterion instanceof HourRange hours) {
            return "time " + is + " " + hours.fromHour() + ":00-" + hours.toHour() + ":00 (" + hours.timeZone() + ")";
        }
        DateRange dates = (DateRange) criterion;
        return "date " + is + " " + dates.from() + " to " + dates.to() + " (" + dates.timeZone() + ")";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
