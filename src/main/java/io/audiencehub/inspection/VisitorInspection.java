package io.audiencehub.inspection;

import java.time.Instant;
import java.util.List;

/**
 * What the hub knows of one visitor and why it gets each running campaign or not.
 *
 * @param firstSeen when the registry first saw it; null, with {@code lastSeen}, when it holds no such visitor
 * @param erased whether it was erased and stays out of the registry and every audience
 * @param memberships the audiences it is a member of, by connector
 * @param departures the audiences it left in the last 30 days and is not a member of again, the latest first
 * @param contextGiven what of the page context was given; criteria that read the rest are unknown
 */
public record VisitorInspection(String visitorId, Instant firstSeen, Instant lastSeen, boolean erased,
                                List<Membership> memberships, List<Departure> departures, List<String> contextGiven,
                                List<Outcome> campaigns) {

    /**
     * An audience the visitor is a member of, with the connector that imports it.
     *
     * @param sinceSync the kept sync run that brought it in, and {@code since} when; both null when it came in
     *                  before the kept history
     */
    public record Membership(long connectorId, String connector, long audienceId, String audience, String sinceSync,
                             Instant since) {
    }

    /** An audience a sync run left the visitor out of. */
    public record Departure(long connectorId, String connector, String audience, String bySync, Instant at) {
    }

    /**
     * A running campaign's answer for the visitor.
     *
     * @param reason the stable reason code (docs/decisions.md); {@code outcome} is its label
     */
    public record Outcome(long campaignId, String campaign, String reason, String outcome, String why) {

        /** Whether it sees the campaign: it entered, or the campaign keeps it since it did. */
        public boolean entered() {
            return "ENTERED".equals(reason) || "KEPT".equals(reason);
        }
    }

    /** The page the visitor is asked about; any field may be null, not given. */
    public record Page(String url, String device, String browser, String language, String country, Boolean returning) {
    }
}
