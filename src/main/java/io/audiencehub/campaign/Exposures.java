package io.audiencehub.campaign;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Which visitors the campaigns that keep their visitors have exposed, and with which variation: in memory,
 * for decisions, read in one lookup per decision whatever the number of campaigns. A visitor is known by a
 * 64-bit hash of its id ({@link #visitorKey}); for each campaign it entered, the campaign's id and the hash
 * of the variation key it saw ({@link Assignment#keyHash}), so that a variation edited away while the
 * campaign was paused is recognised as gone. What a visitor holds is an array replaced as a whole when it
 * changes, so that a decision reads it outside the shard's lock.
 *
 * <p>About 50 bytes an exposed visitor (an open-addressing map of primitive keys, 64 shards so that threads
 * deciding at once rarely meet): 1,000,000 take some 50 MB, measured by {@code bench/decisions.sh}.
 */
final class Exposures {

    private static final int SHARDS = 64;
    /** What each visitor holds: per campaign, {@code campaignId << 1 | outsideSegments}, then the key hash. */
    private static final int ENTRY = 2;

    @SuppressWarnings("unchecked")
    private final Long2ObjectOpenHashMap<long[]>[] shards = new Long2ObjectOpenHashMap[SHARDS];
    private final Map<Long, AtomicLong> exposedPerCampaign = new ConcurrentHashMap<>();

    Exposures() {
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new Long2ObjectOpenHashMap<>();
        }
    }

    /** The key a visitor id is kept under: the id itself is not kept. */
    static long visitorKey(String visitorId) {
        byte[] bytes = visitorId.getBytes(StandardCharsets.UTF_8);
        return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0)[0];
    }

    /** What the visitor holds, to be read with {@link #find}; null when it is kept by no campaign. */
    long[] of(long visitorKey) {
        Long2ObjectOpenHashMap<long[]> shard = shardOf(visitorKey);
        synchronized (shard) {
            return shard.get(visitorKey);
        }
    }

    /**
     * Where the campaign's exposure is in what the visitor holds, looking from {@code from} on (held in the order
     * of campaign ids, so that a decision going through its campaigns in that order reads it once); -1 if absent.
     */
    static int find(long[] held, long campaignId, int from) {
        for (int i = from; held != null && i < held.length; i += ENTRY) {
            long id = held[i] >>> 1;
            if (id >= campaignId) {
                return id == campaignId ? i : -1;
            }
        }
        return -1;
    }

    /** Where to look from for the next campaign, of a higher id, after one found at or searched from {@code at}. */
    static int next(long[] held, long campaignId, int from) {
        int i = from;
        while (held != null && i < held.length && held[i] >>> 1 <= campaignId) {
            i += ENTRY;
        }
        return i;
    }

    static long variationKeyHashAt(long[] held, int at) {
        return held[at + 1];
    }

    static boolean outsideSegmentsAt(long[] held, int at) {
        return (held[at] & 1) == 1;
    }

    /**
     * Keeps the visitor in the campaign with the variation; where it is kept there already, only if
     * {@code replace} (what the database holds, followed from it, wins over what this hub decided).
     *
     * @return whether it was not kept there before
     */
    boolean keep(long visitorKey, long campaignId, long variationKeyHash, boolean outsideSegments, boolean replace) {
        long entry = campaignId << 1 | (outsideSegments ? 1 : 0);
        Long2ObjectOpenHashMap<long[]> shard = shardOf(visitorKey);
        synchronized (shard) {
            long[] held = shard.get(visitorKey);
            for (int i = 0; held != null && i < held.length; i += ENTRY) {
                if (held[i] >>> 1 == campaignId) {
                    if (replace && (held[i] != entry || held[i + 1] != variationKeyHash)) {
                        long[] changed = held.clone();
                        changed[i] = entry;
                        changed[i + 1] = variationKeyHash;
                        shard.put(visitorKey, changed);
                    }
                    return false;
                }
            }
            // in the order of campaign ids, the order decisions go through the campaigns in
            int at = 0;
            while (held != null && at < held.length && held[at] >>> 1 < campaignId) {
                at += ENTRY;
            }
            long[] more = new long[(held == null ? 0 : held.length) + ENTRY];
            if (held != null) {
                System.arraycopy(held, 0, more, 0, at);
                System.arraycopy(held, at, more, at + ENTRY, held.length - at);
            }
            more[at] = entry;
            more[at + 1] = variationKeyHash;
            shard.put(visitorKey, more);
        }
        exposedPerCampaign.computeIfAbsent(campaignId, id -> new AtomicLong()).incrementAndGet();
        return true;
    }

    /**
     * Notes whether the kept visitor is now outside the campaign's segments.
     *
     * @return whether that changed
     */
    boolean markOutsideSegments(long visitorKey, long campaignId, boolean outsideSegments) {
        Long2ObjectOpenHashMap<long[]> shard = shardOf(visitorKey);
        synchronized (shard) {
            long[] held = shard.get(visitorKey);
            for (int i = 0; held != null && i < held.length; i += ENTRY) {
                if (held[i] >>> 1 == campaignId) {
                    if ((held[i] & 1) == (outsideSegments ? 1 : 0)) {
                        return false;
                    }
                    long[] changed = held.clone();
                    changed[i] = campaignId << 1 | (outsideSegments ? 1 : 0);
                    shard.put(visitorKey, changed);
                    return true;
                }
            }
            return false;
        }
    }

    /** How many visitors each campaign keeps, as this hub knows them. */
    long exposed(long campaignId) {
        AtomicLong exposed = exposedPerCampaign.get(campaignId);
        return exposed == null ? 0 : exposed.get();
    }

    /** The campaigns that keep at least one visitor here. */
    Set<Long> campaigns() {
        return Set.copyOf(exposedPerCampaign.keySet());
    }

    /** Forgets the visitors of every campaign but these: those that ended, or no longer keep their visitors. */
    void retainCampaigns(Set<Long> campaignIds) {
        if (campaignIds.containsAll(exposedPerCampaign.keySet())) {
            return;
        }
        for (Long2ObjectOpenHashMap<long[]> shard : shards) {
            synchronized (shard) {
                var entries = shard.long2ObjectEntrySet().fastIterator();
                while (entries.hasNext()) {
                    var entry = entries.next();
                    long[] kept = retained(entry.getValue(), campaignIds);
                    if (kept.length == 0) {
                        entries.remove();
                    } else if (kept.length != entry.getValue().length) {
                        entry.setValue(kept);
                    }
                }
            }
        }
        exposedPerCampaign.keySet().retainAll(campaignIds);
    }

    /** Forgets the visitor in every campaign, as its erasure asks. */
    void forget(long visitorKey) {
        Long2ObjectOpenHashMap<long[]> shard = shardOf(visitorKey);
        long[] held;
        synchronized (shard) {
            held = shard.remove(visitorKey);
        }
        for (int i = 0; held != null && i < held.length; i += ENTRY) {
            AtomicLong exposed = exposedPerCampaign.get(held[i] >>> 1);
            if (exposed != null) {
                exposed.decrementAndGet();
            }
        }
    }

    private static long[] retained(long[] held, Set<Long> campaignIds) {
        long[] kept = new long[held.length];
        int length = 0;
        for (int i = 0; i < held.length; i += ENTRY) {
            if (campaignIds.contains(held[i] >>> 1)) {
                kept[length++] = held[i];
                kept[length++] = held[i + 1];
            }
        }
        return length == held.length ? held : Arrays.copyOf(kept, length);
    }

    private Long2ObjectOpenHashMap<long[]> shardOf(long visitorKey) {
        // the key is a hash already: its top bits spread visitors over the shards, the map mixes the rest
        return shards[(int) (visitorKey >>> 58)];
    }
}
