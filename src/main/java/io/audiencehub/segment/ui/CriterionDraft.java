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
        if (criterion instanceof Criterion.ExternalAudience audience) {
            draft.connectorId = audience.connectorId();
            draft.audienceId = audience.audienceId();
        } else if (criterion instanceof Criterion.VisitorKind visitorKind) {
            draft.kind = visitorKind.kind();
        } else if (criterion instanceof Criterion.DeviceType deviceType) {
            draft.device = deviceType.device();
        } else if (criterion instanceof Criterion.Browser browserName) {
            draft.browser = browserName.browser();
        } else if (criterion instanceof Criterion.Language language) {
            draft.code = language.code();
        } else if (criterion instanceof Criterion.Country country) {
            draft.code = country.code();
        } else if (criterion instanceof Criterion.PageUrl page) {
            draft.match = page.match();
            draft.value = page.value();
        } else if (criterion instanceof Criterion.Cookie cookie) {
            draft.name = cookie.name();
            draft.value = cookie.value() == null ? "" : cookie.value();
        } else if (criterion instanceof Criterion.QueryParameter parameter) {
            draft.name = parameter.name();
            draft.value = parameter.value() == null ? "" : parameter.value();
        } else if (criterion instanceof Criterion.Weekday weekday) {
            draft.days = EnumSet.copyOf(weekday.days());
            draft.timeZone = weekday.timeZone();
        } else if (criterion instanceof Criterion.HourRange hours) {
            draft.fromHour = hours.fromHour();
            draft.toHour = hours.toHour();
            draft.timeZone = hours.timeZone();
        } else if (criterion instanceof Criterion.DateRange dates) {
            draft.from = dates.from();
            draft.to = dates.to();
            draft.timeZone = dates.timeZone();
        }
        return draft;
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

    /** ExternalAudience is EXTERNAL_AUDIENCE, PageUrl is PAGE_URL, and so on. */
    static CriterionType typeOf(Criterion criterion) {
        return CriterionType.valueOf(criterion.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2")
                .toUpperCase());
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
