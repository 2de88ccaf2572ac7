package io.audiencehub.directory;

import java.time.Instant;

/**
 * An id an admin keeps always in ({@code alwaysIn}) or always out of an audience.
 *
 * @param sourceHolds whether the audience's source has it as a member (null: not known before the writer applies
 *                    the override)
 * @param pending whether the writer has yet to apply the latest change of it
 */
public record ManualOverride(String visitorId, boolean alwaysIn, Boolean sourceHolds, boolean pending,
                             String changedBy, Instant changedAt) {
}
