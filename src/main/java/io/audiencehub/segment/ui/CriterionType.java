package io.audiencehub.segment.ui;

import io.audiencehub.segment.Criterion;

/** The palette's items, in their groups; EXTERNAL DATA adds one item per validated connector. */
enum CriterionType {
    EXTERNAL_AUDIENCE("EXTERNAL DATA", "Audience"),
    VISITOR_KIND("VISITOR", "New or returning"),
    DEVICE_TYPE("VISITOR", "Device type"),
    BROWSER("VISITOR", "Browser"),
    LANGUAGE("VISITOR", "Language"),
    COUNTRY("GEOLOCATION", "Country"),
    PAGE_URL("PAGE", "Page URL"),
    COOKIE("TECHNOLOGY", "Cookie"),
    QUERY_PARAMETER("TECHNOLOGY", "Query parameter"),
    WEEKDAY("DATE & TIME", "Weekday"),
    HOUR_RANGE("DATE & TIME", "Hour range"),
    DATE_RANGE("DATE & TIME", "Date range");

    final String group;
    final String label;

    CriterionType(String group, String label) {
        this.group = group;
        this.label = label;
    }

    /** The palette item a criterion is made with. */
    static CriterionType of(Criterion criterion) {
        return criterion.accept(TYPES);
    }

    private static final Criterion.Visitor<CriterionType> TYPES = new Criterion.Visitor<>() {

        @Override
        public CriterionType externalAudience(Criterion.ExternalAudience criterion) {
            return EXTERNAL_AUDIENCE;
        }

        @Override
        public CriterionType visitorKind(Criterion.VisitorKind criterion) {
            return VISITOR_KIND;
        }

        @Override
        public CriterionType deviceType(Criterion.DeviceType criterion) {
            return DEVICE_TYPE;
        }

        @Override
        public CriterionType browser(Criterion.Browser criterion) {
            return BROWSER;
        }

        @Override
        public CriterionType language(Criterion.Language criterion) {
            return LANGUAGE;
        }

        @Override
        public CriterionType country(Criterion.Country criterion) {
            return COUNTRY;
        }

        @Override
        public CriterionType pageUrl(Criterion.PageUrl criterion) {
            return PAGE_URL;
        }

        @Override
        public CriterionType cookie(Criterion.Cookie criterion) {
            return COOKIE;
        }

        @Override
        public CriterionType queryParameter(Criterion.QueryParameter criterion) {
            return QUERY_PARAMETER;
        }

        @Override
        public CriterionType weekday(Criterion.Weekday criterion) {
            return WEEKDAY;
        }

        @Override
        public CriterionType hourRange(Criterion.HourRange criterion) {
            return HOUR_RANGE;
        }

        @Override
        public CriterionType dateRange(Criterion.DateRange criterion) {
            return DATE_RANGE;
        }
    };

    String id() {
        return name().toLowerCase().replace('_', '-');
    }
}
