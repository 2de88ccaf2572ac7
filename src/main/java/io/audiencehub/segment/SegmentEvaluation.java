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
import io.audiencehub.segment.SegmentNode.Combinator;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Decides whether a visitor is in a segment. An empty ALL group matches everyone, an empty SOME
 * group no one. A condition whose context is unknown is unknown, and unknown never matches: not as
 * "is", not as "is not".
 */
public final class SegmentEvaluation {

    /** Longest URL a regular expression is run against, so that one visitor cannot make it run long. */
    static final int MAX_MATCHED_URL = 2_048;

    private final AudienceMembership audiences;

    public SegmentEvaluation(AudienceMembership audiences) {
        this.audiences = audiences;
    }

    public boolean evaluate(SegmentDefinition segment, VisitorContext visitor) {
        return matches(segment.root(), tester(visitor));
    }

    /**
     * A condition the visitor does not meet: its criterion is false for the visitor, or {@code unknown}
     * when the visitor's context does not say (unknown never matches).
     */
    public record Unmet(SegmentNode.Condition condition, boolean unknown) {
    }

    /**
     * Why the visitor is not in the segment: the conditions that keep it out (every failing child of an
     * ALL group, every child of a SOME group none of which matched); empty when it is in.
     */
    public List<Unmet> unmet(SegmentDefinition segment, VisitorContext visitor) {
        List<Unmet> why = new ArrayList<>();
        return unmet(segment.root(), tester(visitor), why) ? List.of() : List.copyOf(why);
    }

    private static boolean unmet(SegmentNode node, Criterion.Visitor<Boolean> tester, List<Unmet> why) {
        return node.match(condition -> {
            Boolean result = condition.criterion().accept(tester);
            boolean met = result != null && result != condition.negated();
            if (!met) {
                why.add(new Unmet(condition, result == null));
            }
            return met;
        }, group -> {
            boolean all = group.combinator() == Combinator.ALL;
            List<Unmet> failing = new ArrayList<>();
            boolean matched = all;
            for (SegmentNode child : group.children()) {
                if (unmet(child, tester, failing) != all) {
                    matched = !all;
                }
            }
            if (!matched) {
                why.addAll(failing);
            }
            return matched;
        });
    }

    /** The segments, prepared to be evaluated many at a time for one visitor after another. */
    public PreparedSegments prepare(List<SegmentDefinition> segments) {
        return new PreparedSegments(this, segments);
    }

    /** The ids of the visitor's audiences, or null when they cannot be listed. */
    long[] audienceIdsOf(VisitorContext visitor) {
        return visitor.visitorId() == null ? null : audiences.audienceIdsOf(visitor.visitorId());
    }

    private static boolean matches(SegmentNode node, Criterion.Visitor<Boolean> tester) {
        return node.match(condition -> {
            Boolean result = condition.criterion().accept(tester);
            return result != null && result != condition.negated();
        }, group -> {
            boolean all = group.combinator() == Combinator.ALL;
            for (SegmentNode child : group.children()) {
                if (matches(child, tester) != all) {
                    return !all;
                }
            }
            return all;
        });
    }

    /**
     * The criteria's tests for one visitor, each true, false, or null when the visitor's context does
     * not say; one per decision, asked for each criterion it needs.
     */
    Criterion.Visitor<Boolean> tester(VisitorContext visitor) {
        return new Tester(visitor, audienceId -> audiences.isMember(audienceId, visitor.visitorId()));
    }

    private static final class Tester implements Criterion.Visitor<Boolean> {

        private final VisitorContext visitor;
        private final LongPredicate inAudience;

        Tester(VisitorContext visitor, LongPredicate inAudience) {
            this.visitor = visitor;
            this.inAudience = inAudience;
        }

        @Override
        public Boolean externalAudience(ExternalAudience audience) {
            return visitor.visitorId() == null ? null : inAudience.test(audience.audienceId());
        }

        @Override
        public Boolean visitorKind(VisitorKind kind) {
            return visitor.returning() == null ? null : visitor.returning() == (kind.kind() == Criterion.Kind.RETURNING);
        }

        @Override
        public Boolean deviceType(DeviceType device) {
            return visitor.device() == null ? null : visitor.device() == device.device();
        }

        @Override
        public Boolean browser(Browser browser) {
            return visitor.browser() == null ? null : visitor.browser() == browser.browser();
        }

        @Override
        public Boolean language(Language language) {
            return visitor.language() == null ? null : languageMatches(language.code(), visitor.language());
        }

        @Override
        public Boolean country(Country country) {
            return visitor.country() == null ? null : country.code().equalsIgnoreCase(visitor.country());
        }

        @Override
        public Boolean pageUrl(PageUrl page) {
            return visitor.url() == null ? null : urlMatches(page, visitor.url());
        }

        @Override
        public Boolean cookie(Cookie cookie) {
            return visitor.cookies() == null ? null : valueMatches(visitor.cookies().get(cookie.name()), cookie.value());
        }

        @Override
        public Boolean queryParameter(QueryParameter parameter) {
            return visitor.url() == null ? null
                    : valueMatches(queryOf(visitor.url()).get(parameter.name()), parameter.value());
        }

        @Override
        public Boolean weekday(Weekday weekday) {
            return visitor.at() == null ? null : weekday.days().contains(local(weekday.timeZone()).getDayOfWeek());
        }

        @Override
        public Boolean hourRange(HourRange hours) {
            return visitor.at() == null ? null : hourMatches(hours, local(hours.timeZone()).getHour());
        }

        @Override
        public Boolean dateRange(DateRange dates) {
            if (visitor.at() == null) {
                return null;
            }
            var day = local(dates.timeZone()).toLocalDate();
            return !day.isBefore(dates.from()) && !day.isAfter(dates.to());
        }

        private ZonedDateTime local(String timeZone) {
            return visitor.at().atZone(ZoneId.of(timeZone));
        }
    }

    private static boolean languageMatches(String code, String language) {
        String wanted = code.toLowerCase(Locale.ROOT);
        String actual = language.toLowerCase(Locale.ROOT).replace('_', '-');
        return actual.equals(wanted) || actual.startsWith(wanted + "-");
    }

    private static boolean urlMatches(PageUrl page, String url) {
        return switch (page.match()) {
            case EQUALS -> url.equals(page.value());
            case CONTAINS -> url.contains(page.value());
            case STARTS_WITH -> url.startsWith(page.value());
            case MATCHES_REGEX -> {
                Pattern pattern = urlPattern(page);
                yield pattern != null && urlMatches(pattern, url);
            }
        };
    }

    /**
     * The criterion's regular expression compiled by RE2/J, whose matching takes time linear in the URL
     * whatever the pattern; null when it cannot compile it (a pattern stored before patterns were checked
     * with RE2/J), and such a criterion never matches.
     */
    static Pattern urlPattern(PageUrl page) {
        try {
            return Pattern.compile(page.value());
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /** Whether the visitor's URL matches a compiled criterion's pattern; null when the context has no URL. */
    static Boolean urlMatches(Pattern pattern, VisitorContext visitor) {
        return visitor.url() == null ? null : urlMatches(pattern, visitor.url());
    }

    private static boolean urlMatches(Pattern pattern, String url) {
        return url.length() <= MAX_MATCHED_URL && pattern.matcher(url).find();
    }

    private static boolean valueMatches(String actual, String wanted) {
        return actual != null && (wanted == null || wanted.equals(actual));
    }

    private static boolean hourMatches(HourRange hours, int hour) {
        return hours.fromHour() <= hours.toHour()
                ? hour >= hours.fromHour() && hour < hours.toHour()
                : hour >= hours.fromHour() || hour < hours.toHour();
    }

    private static Map<String, String> queryOf(String url) {
        Map<String, String> parameters = new HashMap<>();
        String query;
        try {
            query = URI.create(url).getRawQuery();
        } catch (IllegalArgumentException notAUri) {
            return parameters;
        }
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.putIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }
}
