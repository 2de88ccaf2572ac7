package io.audiencehub.audience;

import io.audiencehub.audience.OverrideRepository.Applied;
import it.unimi.dsi.fastutil.longs.Long2BooleanOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.List;

/**
 * The overrides one sync of an audience meets: the ids it must leave as the admin set them, and what the
 * source's membership says of each, kept for when the override is removed.
 */
final class OverriddenIds {

    private final Long2ObjectOpenHashMap<OverrideRule> rules = new Long2ObjectOpenHashMap<>();
    private final Long2BooleanOpenHashMap syncedBefore = new Long2BooleanOpenHashMap();
    private final Long2BooleanOpenHashMap synced = new Long2BooleanOpenHashMap();

    OverriddenIds(List<Applied> applied) {
        for (Applied override : applied) {
            rules.put(override.memberKey(), override.rule());
            syncedBefore.put(override.memberKey(), override.synced());
            synced.put(override.memberKey(), override.synced());
        }
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether the sync may add the key, which the source now holds: not when it is always out. */
    boolean mayAdd(long key) {
        return isEmpty() || !rules.containsKey(key) || sourceHolds(key, true) != OverrideRule.ALWAYS_OUT;
    }

    /** Whether the sync may remove the key, which the source no longer holds: not when it is always in. */
    boolean mayRemove(long key) {
        return isEmpty() || !rules.containsKey(key) || sourceHolds(key, false) != OverrideRule.ALWAYS_IN;
    }

    /** A replacing sync holds only the ids it adds. */
    void replacing() {
        rules.keySet().forEach(key -> sourceHolds(key, false));
    }

    /** The ids always in, which a replacing sync keeps whatever it adds. */
    long[] alwaysIn() {
        return rules.long2ObjectEntrySet().stream().filter(entry -> entry.getValue() == OverrideRule.ALWAYS_IN)
                .mapToLong(Long2ObjectOpenHashMap.Entry::getLongKey).toArray();
    }

    /** The overrides whose source's membership this sync changed, to be saved. */
    List<Applied> changed() {
        return rules.keySet().longStream().filter(key -> synced.get(key) != syncedBefore.get(key))
                .mapToObj(key -> new Applied(key, rules.get(key), synced.get(key))).toList();
    }

    private OverrideRule sourceHolds(long key, boolean holds) {
        synced.put(key, holds);
        return rules.get(key);
    }
}
