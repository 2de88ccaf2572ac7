package io.audiencehub.audience;

import java.time.Instant;

/**
 * An id an admin keeps always in or always out of an audience.
 *
 * @param synced whether the source's own membership holds it, which removing the override gives back (null: the
 *               writer has not applied it yet)
 * @param pending whether the writer has yet to apply the admin's latest change of it
 */
public record AudienceOverride(long audienceId, String visitorId, OverrideRule rule, Boolean synced, boolean pending,
                               String changedBy, Instant changedAt) {
}
