package io.audiencehub.segment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * One thing a visitor can be tested for. Stored in a segment's definition under its {@code type};
 * docs/segments.md describes every field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Criterion.ExternalAudience.class, name = "external_audience"),
        @JsonSubTypes.Type(value = Criterion.VisitorKind.class, name = "visitor_kind"),
        @JsonSubTypes.Type(value = Criterion.DeviceType.class, name = "device_type"),
        @JsonSubTypes.Type(value = Criterion.Browser.class, name = "browser"),
        @JsonSubTypes.Type(value = Criterion.Language.class, name = "language"),
        @JsonSubTypes.Type(value = Criterion.Country.class, name = "country"),
        @JsonSubTypes.Type(value = Criterion.PageUrl.class, name = "page_url"),
        @JsonSubTypes.Type(value = Criterion.Cookie.class, name = "cookie"),
        @JsonSubTypes.Type(value = Criterion.QueryParameter.class, name = "query_parameter"),
        @JsonSubTypes.Type(value = Criterion.Weekday.class, name = "weekday"),
        @JsonSubTypes.Type(value = Criterion.HourRange.class, name = "hour_range"),
        @JsonSubTypes.Type(value = Criterion.DateRange.class, name = "date_range")})
public sealed interface Criterion {

    /** What the criterion's own handler of {@code visitor} answers for it. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One concern's handling of every criterion (its text, its test, its validation, its form): a new
     * criterion adds a method here, and no concern compiles until it handles it.
     */
    interface Visitor<R> {
        R externalAudience(ExternalAudience criterion);

        R visitorKind(VisitorKind criterion);

        R deviceType(DeviceType criterion);

        R browser(Browser criterion);

        R language(Language criterion);

        R country(Country criterion);

        R pageUrl(PageUrl criterion);

        R cookie(Cookie criterion);

        R queryParameter(QueryParameter criterion);

        R weekday(Weekday criterion);

        R hourRange(HourRange criterion);

        R dateRange(DateRange criterion);
    }

    /** A member of an audience imported through a connector (EXTERNAL DATA). */
    record ExternalAudience(long connectorId, long audienceId) implements Criterion {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.externalAudience(this);
        }
    }

    enum Kind { NEW, RETURNING }

    record VisitorKind(Kind kind) implements Criterion {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitorKind(this);
        }
    }

    enum Device { DESKTOP, MOBILE, TABLET }

    record DeviceType(Device device) implements Criterion {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deviceType(this);
        }
    }

    enum BrowserName { CHROME, FIREFOX, SAFARI, EDGE, OTHER }

    record Browser(BrowserName browser) implements Criterion {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.browser(this);
        }
    }

    /** An ISO 639-1 code; matches the visitor's language and its regional variants ({@code fr} matches {@code fr-CA}). */
    record Language(String code) implements Criterion {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.language(this);
        }
    }

    /** An ISO 3166-1 alpha-2 code. */
    record Country(String code) implements Criterion {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.country(this);
        }
    }

    enum UrlMatch { EQUALS, CONTAINS, STARTS_WITH, MATCHES_REGEX }

    record PageUrl(UrlMatch match, String value) implements Criterion {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pageUrl(this);
        }
    }

    /** Present, or equal to {@code value} when it is not null. */
    record Cookie(String name, String value) implements Criterion {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cookie(this);
        }
    }

    /** Present in the page URL's query, or equal to {@code value} when it is not null. */
    record QueryParameter(String name, String value) implements Criterion {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.queryParameter(this);
        }
    }

    record Weekday(Set<DayOfWeek> days, String timeZone) implements Criterion {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.weekday(this);
        }
    }

    /** From {@code fromHour} included to {@code toHour} excluded, in 0..24; wraps past midnight when from > to. */
    record HourRange(int fromHour, int toHour, String timeZone) implements Criterion {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.hourRange(this);
        }
    }

    /** Both days included. */
    record DateRange(LocalDate from, LocalDate to, String timeZone) implements Criterion {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.dateRange(this);
        }
    }
}
