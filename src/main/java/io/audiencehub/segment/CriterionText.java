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
public final class CriterionText implements Criterion.Visitor<String> {

    private final boolean negated;
    private final String is;
    private final Function<ExternalAudience, String> audienceName;

    private CriterionText(boolean negated, Function<ExternalAudience, String> audienceName) {
        this.negated = negated;
        this.is = negated ? "is not" : "is";
        this.audienceName = audienceName;
    }

    public static String describe(Criterion criterion, boolean negated, Function<ExternalAudience, String> audienceName) {
        return criterion.accept(new CriterionText(negated, audienceName));
    }

    @Override
    public String externalAudience(ExternalAudience audience) {
        return is + " in " + audienceName.apply(audience);
    }

    @Override
    public String visitorKind(VisitorKind kind) {
        return "visitor " + is + " " + lower(kind.kind());
    }

    @Override
    public String deviceType(DeviceType device) {
        return "device " + is + " " + lower(device.device());
    }

    @Override
    public String browser(Browser browser) {
        return "browser " + is + " " + lower(browser.browser());
    }

    @Override
    public String language(Language language) {
        return "language " + is + " " + language.code();
    }

    @Override
    public String country(Country country) {
        return "country " + is + " " + country.code().toUpperCase(Locale.ROOT);
    }

    @Override
    public String pageUrl(PageUrl page) {
        String how = switch (page.match()) {
            case EQUALS -> negated ? "does not equal" : "equals";
            case CONTAINS -> negated ? "does not contain" : "contains";
            case STARTS_WITH -> negated ? "does not start with" : "starts with";
            case MATCHES_REGEX -> negated ? "does not match" : "matches";
        };
        return "page URL " + how + " \"" + page.value() + "\"";
    }

    @Override
    public String cookie(Cookie cookie) {
        return "cookie " + cookie.name() + " " + presentOrEqual(cookie.value());
    }

    @Override
    public String queryParameter(QueryParameter parameter) {
        return "query parameter " + parameter.name() + " " + presentOrEqual(parameter.value());
    }

    @Override
    public String weekday(Weekday weekday) {
        return "day " + is + " " + weekday.days().stream().sorted()
                .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(", "))
                + " (" + weekday.timeZone() + ")";
    }

    @Override
    public String hourRange(HourRange hours) {
        return "time " + is + " " + hours.fromHour() + ":00-" + hours.toHour() + ":00 (" + hours.timeZone() + ")";
    }

    @Override
    public String dateRange(DateRange dates) {
        return "date " + is + " " + dates.from() + " to " + dates.to() + " (" + dates.timeZone() + ")";
    }

    private String presentOrEqual(String value) {
        return value == null ? is + " present" : is + " \"" + value + "\"";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
