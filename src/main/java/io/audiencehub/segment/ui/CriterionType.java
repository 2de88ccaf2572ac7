package io.audiencehub.segment.ui;

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

    String id() {
        return name().toLowerCase().replace('_', '-');
    }
}
