package io.audiencehub.segment.ui;

import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.Criterion.BrowserName;
import io.audiencehub.segment.Criterion.Device;
import io.audiencehub.segment.Criterion.Kind;
import io.audiencehub.segment.Criterion.UrlMatch;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** What a criterion form edits, field by field, for any criterion type. */
public class CriterionDraft {

    private long connectorId;
    private Long audienceId;
    private Kind kind;
    private Device device;
    private BrowserName browser;
    private String code = "";
    private UrlMatch match = UrlMatch.CONTAINS;
    private String name = "";
    private String value = "";
    private Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    private Integer fromHour;
    private Integer toHour;
    private LocalDate from;
    private LocalDate to;
    private String timeZone = "UTC";

    static CriterionDraft of(Criterion criterion) {
        CriterionDraft draft = new CriterionDraft();
        criterion.accept(draft.new Filling());
        return draft;
    }

    /** Fills the draft's fields from a criterion, whichever it is. */
    private final class Filling implements Criterion.Visitor<Void> {

        @Override
        public Void externalAudience(Criterion.ExternalAudience audience) {
            connectorId = audience.connectorId();
            audienceId = audience.audienceId();
            return null;
        }

        @Override
        public Void visitorKind(Criterion.VisitorKind visitorKind) {
            kind = visitorKind.kind();
            return null;
        }

        @Override
        public Void deviceType(Criterion.DeviceType deviceType) {
            device = deviceType.device();
            return null;
        }

        @Override
        public Void browser(Criterion.Browser browserName) {
            browser = browserName.browser();
            return null;
        }

        @Override
        public Void language(Criterion.Language language) {
            code = language.code();
            return null;
        }

        @Override
        public Void country(Criterion.Country country) {
            code = country.code();
            return null;
        }

        @Override
        public Void pageUrl(Criterion.PageUrl page) {
            match = page.match();
            value = page.value();
            return null;
        }

        @Override
        public Void cookie(Criterion.Cookie cookie) {
            name = cookie.name();
            value = cookie.value() == null ? "" : cookie.value();
            return null;
        }

        @Override
        public Void queryParameter(Criterion.QueryParameter parameter) {
            name = parameter.name();
            value = parameter.value() == null ? "" : parameter.value();
            return null;
        }

        @Override
        public Void weekday(Criterion.Weekday weekday) {
            days = EnumSet.copyOf(weekday.days());
            timeZone = weekday.timeZone();
            return null;
        }

        @Override
        public Void hourRange(Criterion.HourRange hours) {
            fromHour = hours.fromHour();
            toHour = hours.toHour();
            timeZone = hours.timeZone();
            return null;
        }

        @Override
        public Void dateRange(Criterion.DateRange dates) {
            from = dates.from();
            to = dates.to();
            timeZone = dates.timeZone();
            return null;
        }
    }

    Criterion toCriterion(CriterionType type) {
        String optionalValue = value == null || value.isEmpty() ? null : value;
        return switch (type) {
            case EXTERNAL_AUDIENCE -> new Criterion.ExternalAudience(connectorId, audienceId == null ? 0 : audienceId);
            case VISITOR_KIND -> new Criterion.VisitorKind(kind);
            case DEVICE_TYPE -> new Criterion.DeviceType(device);
            case BROWSER -> new Criterion.Browser(browser);
            case LANGUAGE -> new Criterion.Language(code == null ? null : code.strip().toLowerCase());
            case COUNTRY -> new Criterion.Country(code == null ? null : code.strip().toUpperCase());
            case PAGE_URL -> new Criterion.PageUrl(match, value);
            case COOKIE -> new Criterion.Cookie(name, optionalValue);
            case QUERY_PARAMETER -> new Criterion.QueryParameter(name, optionalValue);
            case WEEKDAY -> new Criterion.Weekday(Set.copyOf(days), timeZone);
            case HOUR_RANGE -> new Criterion.HourRange(fromHour == null ? -1 : fromHour, toHour == null ? -1 : toHour,
                    timeZone);
            case DATE_RANGE -> new Criterion.DateRange(from, to, timeZone);
        };
    }

    public long getConnectorId() {
        return connectorId;
    }

    public void setConnectorId(long connectorId) {
        this.connectorId = connectorId;
    }

    public Long getAudienceId() {
        return audienceId;
    }

    public void setAudienceId(Long audienceId) {
        this.audienceId = audienceId;
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public Device getDevice() {
        return device;
    }

    public void setDevice(Device device) {
        this.device = device;
    }

    public BrowserName getBrowser() {
        return browser;
    }

    public void setBrowser(BrowserName browser) {
        this.browser = browser;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public UrlMatch getMatch() {
        return match;
    }

    public void setMatch(UrlMatch match) {
        this.match = match;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public Set<DayOfWeek> getDays() {
        return days;
    }

    public void setDays(Set<DayOfWeek> days) {
        this.days = days;
    }

    public Integer getFromHour() {
        return fromHour;
    }

    public void setFromHour(Integer fromHour) {
        this.fromHour = fromHour;
    }

    public Integer getToHour() {
        return toHour;
    }

    public void setToHour(Integer toHour) {
        this.toHour = toHour;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
