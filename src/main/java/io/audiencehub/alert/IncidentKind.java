package io.audiencehub.alert;

/** What an incident is about; {@code metric} is its {@code kind} label in the metrics. */
public enum IncidentKind {
    CONNECTOR_FAILING("connector_failing", "is failing"),
    CONNECTOR_STALE("connector_stale", "is stale"),
    SYNC_INCOMPLETE("sync_incomplete", "has an incomplete sync"),
    SYNC_HELD("sync_held", "has a sync run held for approval"),
    CAMPAIGN_AUDIENCE_EMPTY("campaign_audience_empty", "targets an empty audience");

    private final String metric;
    private final String what;

    IncidentKind(String metric, String what) {
        this.metric = metric;
        this.what = what;
    }

    public String metric() {
        return metric;
    }

    /** The incident in words, after its subject: "Connector "Shop" is failing". */
    public String what() {
        return what;
    }
}
