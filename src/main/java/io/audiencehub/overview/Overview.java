package io.audiencehub.overview;

import java.time.Instant;
import java.util.List;

/**
 * The whole pipeline at a glance, at {@code at}.
 *
 * @param visitorsPerHour the visitors reported in each of the last 48 hours, oldest first
 * @param decisionHours the last 24 hours, oldest first, that each decision line counts over
 */
public record Overview(Instant at, List<HourFigure> visitorsPerHour, List<ConnectorHealth> connectors,
                       List<ChangedAudience> changedMost, List<Instant> decisionHours, List<DecisionLine> decisions,
                       List<String> openAlerts) {

    public record HourFigure(Instant hour, long count) {
    }

    /** A connection's health, as the Directory says it. */
    public record ConnectorHealth(long connectorId, String connector, String provider, String health, String reason,
                                  Instant lastSyncAt) {
    }

    /** An audience whose members changed since yesterday: {@code before} null when it is new. */
    public record ChangedAudience(long connectorId, String connector, String audience, Long before, long now) {

        public long change() {
            return now - (before == null ? 0 : before);
        }
    }

    /** A running campaign's variation: its decisions in each of {@code decisionHours}. */
    public record DecisionLine(long campaignId, String campaign, String variation, List<Long> perHour) {

        public long total() {
            return perHour.stream().mapToLong(Long::longValue).sum();
        }
    }
}
