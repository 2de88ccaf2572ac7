package io.audiencehub.audience;

import java.time.Instant;

/**
 * An erased visitor, known only by its member key: suppressed from every audience until lifted.
 *
 * @param appliedAt when the audience writer removed it from every audience (null: not yet)
 * @param membershipsRemoved from how many audiences it was removed
 * @param liftRequestedAt when an admin asked to lift it (null: not asked); the writer then drops it
 */
public record Suppression(long memberKey, String erasedBy, Instant erasedAt, Instant appliedAt,
                          Integer membershipsRemoved, String liftRequestedBy, Instant liftRequestedAt) {

    /** The member key as the screens show it: 16 hexadecimal digits, never the visitor id. */
    public String keyText() {
        return String.format("%016x", memberKey);
    }
}
