package io.audiencehub.directory;

import java.time.Instant;

/**
 * One point of an audience's history: after a run, or on a day (its last run's counts, the day's added
 * and removed summed).
 *
 * @param at the run's start, or the day's first instant (UTC)
 */
public record AudienceGrowth(Instant at, long members, long matched, long added, long removed) {

    /** How the history is told: run by run, or day by day. */
    public enum Step { RUN, DAY }
}
