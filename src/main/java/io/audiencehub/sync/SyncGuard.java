package io.audiencehub.sync;

import java.util.Locale;

/**
 * A connector's guard on sudden audience changes: where a running campaign targets an audience, a sync run
 * that would remove more than {@code maxRemovedPercent} of its members, or grow it more than
 * {@code maxGrowthFactor} times, is held for an admin to approve or reject. An audience that was empty is
 * never held: filling it is what its first sync does.
 */
public record SyncGuard(boolean enabled, int maxRemovedPercent, int maxGrowthFactor) {

    /** Every connector's guard until an admin changes it. */
    public static final SyncGuard DEFAULT = new SyncGuard(true, 50, 10);
    public static final int MIN_GROWTH_FACTOR = 2;
    public static final int MAX_GROWTH_FACTOR = 1000;

    /**
     * @throws IllegalArgumentException naming the setting out of range
     */
    public SyncGuard {
        if (maxRemovedPercent < 1 || maxRemovedPercent > 100) {
            throw new IllegalArgumentException("max_removed_percent: give 1 to 100 (the share of an audience a run may"
                    + " remove before it is held), not " + maxRemovedPercent);
        }
        if (maxGrowthFactor < MIN_GROWTH_FACTOR || maxGrowthFactor > MAX_GROWTH_FACTOR) {
            throw new IllegalArgumentException("max_growth_factor: give " + MIN_GROWTH_FACTOR + " to " + MAX_GROWTH_FACTOR
                    + " (how many times its members a run may make an audience before it is held), not "
                    + maxGrowthFactor);
        }
    }

    /**
     * Why a run that brings {@code added} members in and leaves {@code removed} out of an audience of
     * {@code membersBefore} is held, or null when it is not.
     */
    public String exceededBy(long membersBefore, long added, long removed) {
        if (!enabled || membersBefore == 0) {
            return null;
        }
        if (removed * 100 > membersBefore * maxRemovedPercent) {
            return String.format(Locale.ROOT, "it would remove %,d of the audience's %,d members (%d %%, more than %d %%)",
                    removed, membersBefore, removed * 100 / membersBefore, maxRemovedPercent);
        }
        long after = membersBefore + added - removed;
        if (after > membersBefore * maxGrowthFactor) {
            return String.format(Locale.ROOT, "it would take the audience from %,d to %,d members (%dx, more than %dx)",
                    membersBefore, after, after / membersBefore, maxGrowthFactor);
        }
        return null;
    }
}
