package io.audiencehub.sandbox.mixpanel;

import java.time.Instant;

/**
 * A cohort's export to a connection. {@code paused} after an answer that will not heal (400, 401, 403,
 * 404), until the user resumes it; {@code snapshotAt} is when the last successful sync ended, the base
 * of the next diff.
 */
public record MixpanelCohortSync(long cohortId, long connectionId, boolean recurring, Instant nextSyncAt,
                                 boolean paused, Instant snapshotAt, Instant lastSyncAt, String lastResult) {
}
