package io.audiencehub.segment;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
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
import io.audiencehub.segment.SegmentNode.Group;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Checks a definition against docs/segments.md; every problem names its place by JSON path. */
public final class SegmentValidation {

    public static final int MAX_TEXT = 2_048;
    public static final int MAX_NAME = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private SegmentValidation() {
    }

    public static List<String> problems(SegmentDefinition definition) {
        List<String> problems = new ArrayList<>();
        if (definition.version() != SegmentDefinition.CURRENT_VERSION) {
            problems.add("$.version: " + definition.version() + " is not a version this hub reads ("
                    + SegmentDefinition.CURRENT_VERSION + ")");
        }
        if (definition.root() == null) {
            problems.add("$.root: is missing");
            return problems;
        }
        group(definition.root(), "$.root", true, problems);
        return problems;
    }

    private static void group(Group group, String path, boolean root, List<String> problems) {
        if (group.combinator() == null) {
            problems.add(path + ".combinator: must be ALL or SOME");
        }
        for (int i = 0; i < group.children().size(); i++) {
            SegmentNode child = group.children().get(i);
            String childPath = path + ".children[" + i + "]";
            if (child == null) {
                problems.add(childPath + ": is missing");
                continue;
            }
            child.match(condition -> {
                if (condition.criterion() == null) {
                    problems.add(childPath + ".criterion: is missing");
                } else {
                    criterionProblem(condition.criterion())
                            .ifPresent(problem -> problems.add(childPath + ".criterion" + problem));
                }
                return null;
            }, inner -> {
                if (root) {
                    group(inner, childPath, false, problems);
                } else {
                    problems.add(childPath + ": groups nest one level only");
                }
                return null;
            });
        }
    }

    /** The problem of one criterion, as ".field: what is wrong", or empty when it is valid. */
    public static Optional<String> criterionProblem(Criterion criterion) {
        return Optional.ofNullable(criterion.accept(CRITERION_PROBLEMS));
    }

    private static final Criterion.Visitor<String> CRITERION_PROBLEMS = new Criterion.Visitor<>() {

        @Override
        public String externalAudience(ExternalAudience audience) {
            return audience.connectorId() <= 0 ? ".connectorId: choose a connector"
                    : audience.audienceId() <= 0 ? ".audienceId: choose an audience" : null;
        }

        @Override
        public String visitorKind(VisitorKind kind) {
            return kind.kind() == null ? ".kind: choose new or returning" : null;
        }

        @Override
        public String deviceType(DeviceType device) {
            return device.device() == null ? ".device: choose a device type" : null;
        }

        @Override
        public String browser(Browser browser) {
            return browser.browser() == null ? ".browser: choose a browser" : null;
        }

        @Override
        public String language(Language language) {
            return language.code() == null || !LANGUAGES.contains(language.code().toLowerCase(Locale.ROOT))
                    ? ".code: must be a two-letter ISO 639-1 language code, such as fr" : null;
        }

        @Override
        public String country(Country country) {
            return country.code() == null || !COUNTRIES.contains(country.code().toUpperCase(Locale.ROOT))
                    ? ".code: must be a two-letter ISO 3166-1 country code, such as FR" : null;
        }

        @Override
        public String pageUrl(PageUrl page) {
            return pageProblem(page);
        }

        @Override
        public String cookie(Cookie cookie) {
            return nameValueProblem(cookie.name(), cookie.value(), "cookie");
        }

        @Override
        public String queryParameter(QueryParameter parameter) {
            return nameValueProblem(parameter.name(), parameter.value(), "query parameter");
        }

        @Override
        public String weekday(Weekday weekday) {
            return weekday.days() == null || weekday.days().isEmpty() ? ".days: choose at least one day"
                    : zoneProblem(weekday.timeZone());
        }

        @Override
        public String hourRange(HourRange hours) {
            if (hours.fromHour() < 0 || hours.fromHour() > 23) {
                return ".fromHour: must be an hour from 0 to 23";
            }
            if (hours.toHour() < 0 || hours.toHour() > 24 || hours.toHour() == hours.fromHour()) {
                return ".toHour: must be an hour from 0 to 24, other than the start";
            }
            return zoneProblem(hours.timeZone());
        }

        @Override
        public String dateRange(DateRange dates) {
            if (dates.from() == null) {
                return ".from: choose the first day";
            }
            if (dates.to() == null || dates.to().isBefore(dates.from())) {
                return ".to: choose a last day on or after the first";
            }
            return zoneProblem(dates.timeZone());
        }
    };

    /** Why a pattern that other engines take may be refused. */
    public static final String UNSUPPORTED_REGEX = "patterns run in time linear in the URL, so look-arounds and"
            + " back-references are not supported";

    private static String pageProblem(PageUrl page) {
        if (page.match() == null) {
            return ".match: choose how the URL must match";
        }
        if (page.value() == null || page.value().isEmpty() || page.value().length() > MAX_TEXT) {
            return ".value: enter 1 to " + MAX_TEXT + " characters";
        }
        if (page.match() == Criterion.UrlMatch.MATCHES_REGEX) {
            try {
                Pattern.compile(page.value());
            } catch (PatternSyntaxException e) {
                return ".value: not a valid regular expression: " + e.getDescription() + " ("
                        + UNSUPPORTED_REGEX + ")";
            }
        }
        return null;
    }

    private static String nameValueProblem(String name, String value, String what) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            return ".name: enter the " + what + "'s name, 1 to " + MAX_NAME + " characters";
        }
        if (value != null && value.length() > MAX_TEXT) {
            return ".value: at most " + MAX_TEXT + " characters";
        }
        return null;
    }

    private static String zoneProblem(String timeZone) {
        try {
            ZoneId.of(timeZone == null ? "" : timeZone);
            return null;
        } catch (DateTimeException e) {
            return ".timeZone: \"" + timeZone + "\" is not a time zone; use a name such as Europe/Paris";
        }
    }
}
