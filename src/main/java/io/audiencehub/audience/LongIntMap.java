package io.audiencehub.audience;

/**
 * An open-addressing map from 64-bit member keys to their sequence numbers, about 15 to 19 bytes an
 * entry where a {@code HashMap<Long, Integer>} takes about 80. It is split into {@value #SEGMENTS}
 * tables that grow one at a time by a quarter, so growing never needs more than a 256th of the map
 * twice over (a single table that doubles needs three times its size while it copies), and a full
 * table wastes at most a fifth of its slots. Not thread-safe; {@link AudienceStore} guards it.
 */
final class LongIntMap {

    static final int ABSENT = -1;
    private static final long FREE = 0L;
    private static final int SEGMENTS = 256;
    private static final double MAX_LOAD = 0.8;
    private static final int SMALLEST_TABLE = 8;

    private final Segment[] segments = new Segment[SEGMENTS];
    private final int initialTable;
    private int size;
    private boolean hasFreeKey;
    private int freeKeyValue = ABSENT;

    LongIntMap(int expected) {
        initialTable = Math.max(SMALLEST_TABLE, (int) (expected / (double) SEGMENTS / MAX_LOAD) + 1);
    }

    int get(long key) {
        if (key == FREE) {
            return hasFreeKey ? freeKeyValue : ABSENT;
        }
        long mixed = mix(key);
        Segment segment = segments[segmentOf(mixed)];
        return segment == null ? ABSENT : segment.get(key, mixed);
    }

    /** Maps a key that is not in the map yet. */
    void putNew(long key, int value) {
        if (key == FREE) {
            hasFreeKey = true;
            freeKeyValue = value;
            size++;
            return;
        }
        long mixed = mix(key);
        int index = segmentOf(mixed);
        Segment segment = segments[index];
        if (segment == null) {
            segment = new Segment(initialTable);
            segments[index] = segment;
        }
        segment.putNew(key, mixed, value);
        size++;
    }

    int size() {
        return size;
    }

    /** The bytes its tables take: what the hub's heap holds per member key. */
    long bytes() {
        return slots() * (Long.BYTES + Integer.BYTES);
    }

    long slots() {
        long slots = 0;
        for (Segment segment : segments) {
            slots += segment == null ? 0 : segment.keys.length;
        }
        return slots;
    }

    /** The slots of its largest table: a growth copies at most that many, while the old table is kept. */
    int largestTableSlots() {
        int largest = 0;
        for (Segment segment : segments) {
            largest = Math.max(largest, segment == null ? 0 : segment.keys.length);
        }
        return largest;
    }

    /** Keys are hashes already, but tests and benchmarks use small ones: MurmurHash3's finalizer spreads them. */
    private static long mix(long key) {
        long mixed = (key ^ (key >>> 33)) * 0xFF51AFD7ED558CCDL;
        mixed = (mixed ^ (mixed >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return mixed ^ (mixed >>> 33);
    }

    private static int segmentOf(long mixed) {
        return (int) (mixed >>> 56);
    }

    private static final class Segment {

        private long[] keys;
        private int[] values;
        private int size;

        Segment(int capacity) {
            keys = new long[capacity];
            values = new int[capacity];
        }

        int get(long key, long mixed) {
            long[] table = keys;
            int capacity = table.length;
            for (int slot = slotOf(mixed, capacity); ; slot = slot + 1 == capacity ? 0 : slot + 1) {
                long candidate = table[slot];
                if (candidate == key) {
                    return values[slot];
                }
                if (candidate == FREE) {
                    return ABSENT;
                }
            }
        }

        void putNew(long key, long mixed, int value) {
            if (size + 1 > keys.length * MAX_LOAD) {
                grow();
            }
            insert(keys, values, key, mixed, value);
            size++;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            int capacity = oldKeys.length + Math.max(SMALLEST_TABLE, oldKeys.length >> 2);
            keys = new long[capacity];
            values = new int[capacity];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != FREE) {
                    insert(keys, values, oldKeys[i], mix(oldKeys[i]), oldValues[i]);
                }
            }
        }

        private static void insert(long[] keys, int[] values, long key, long mixed, int value) {
            int capacity = keys.length;
            int slot = slotOf(mixed, capacity);
            while (keys[slot] != FREE) {
                slot = slot + 1 == capacity ? 0 : slot + 1;
            }
            keys[slot] = key;
            values[slot] = value;
        }

        /** The low 32 bits of the mixed key scaled to the table, so the table needs no power-of-two size. */
        private static int slotOf(long mixed, int capacity) {
            return (int) (((mixed & 0xFFFF_FFFFL) * capacity) >>> 32);
        }
    }
}
