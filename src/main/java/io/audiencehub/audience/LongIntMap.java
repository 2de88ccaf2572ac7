package io.audiencehub.audience;

/**
 * An open-addressing map from 64-bit member keys to their sequence numbers: about 18 bytes an entry
 * where a {@code HashMap<Long, Integer>} takes about 80. Keys are already uniform hashes, so their
 * low bits index the table directly. Not thread-safe; {@link AudienceStore} guards it.
 */
final class LongIntMap {

    static final int ABSENT = -1;
    private static final long FREE = 0L;

    private long[] keys;
    private int[] values;
    private int size;
    private boolean hasFreeKey;
    private int freeKeyValue = ABSENT;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) (expected / 0.7)) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
    }

    int get(long key) {
        if (key == FREE) {
            return hasFreeKey ? freeKeyValue : ABSENT;
        }
        int mask = keys.length - 1;
        for (int slot = index(key, mask); ; slot = (slot + 1) & mask) {
            long candidate = keys[slot];
            if (candidate == key) {
                return values[slot];
            }
            if (candidate == FREE) {
                return ABSENT;
            }
        }
    }

    /** Maps a key that is not in the map yet. */
    void putNew(long key, int value) {
        if (key == FREE) {
            hasFreeKey = true;
            freeKeyValue = value;
            size++;
            return;
        }
        if (size + 1 > keys.length * 0.7) {
            grow();
        }
        insert(keys, values, key, value);
        size++;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                insert(keys, values, oldKeys[i], oldValues[i]);
            }
        }
    }

    private static void insert(long[] keys, int[] values, long key, int value) {
        int mask = keys.length - 1;
        int slot = index(key, mask);
        while (keys[slot] != FREE) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    private static int index(long key, int mask) {
        return (int) (key ^ (key >>> 32)) & mask;
    }
}
