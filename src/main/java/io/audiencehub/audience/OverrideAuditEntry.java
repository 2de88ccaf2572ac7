package io.audiencehub.audience;

import java.time.Instant;

/**
 * One admin's change of an audience's always-in and always-out ids: how many, never which; for one id its
 * member key.
 *
 * @param action {@link OverrideRule} the ids were given, or {@link #REMOVED}
 */
public record OverrideAuditEntry(long audienceId, String action, int idCount, Long memberKey, String actor,
                                 Instant at) {

    public static final String REMOVED = "REMOVED";

    /** The change in words, as the Directory shows it. */
    public String describe() {
        String ids = idCount == 1 ? "1 id (member " + String.format("%016x", memberKey) + ")" : idCount + " ids";
        return switch (action) {
            case REMOVED -> ids + " no longer overridden";
            default -> ids + " set " + OverrideRule.valueOf(action).label();
        };
    }
}
