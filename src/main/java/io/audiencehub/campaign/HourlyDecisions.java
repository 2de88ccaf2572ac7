package io.audiencehub.campaign;

import java.time.Instant;
import java.util.Map;

/** A running campaign's variation and its decisions per hour, as every hub counted them. */
public record HourlyDecisions(long campaignId, String campaign, String variation, Map<Instant, Long> perHour) {
}
