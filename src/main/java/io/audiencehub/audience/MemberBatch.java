package io.audiencehub.audience;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The members that enter and leave an audience in one change, in the form audiences store them. Made
 * by {@link AudienceService#memberBatch}; other features keep it only as {@link #toBytes()} and give it
 * back through {@link #fromBytes}, never reading the format.
 */
public final class MemberBatch {

    private final long[] keys;
    private final int addCount;

    private MemberBatch(long[] keys, int addCount) {
        if (addCount < 0 || addCount > keys.length) {
            throw new IllegalArgumentException("a batch of " + keys.length + " members cannot hold " + addCount
                    + " additions");
        }
        this.keys = keys;
        this.addCount = addCount;
    }

    static MemberBatch of(long[] keys, int addCount) {
        return new MemberBatch(keys, addCount);
    }

    /** Reads back what {@link #toBytes()} wrote, given the number of additions it held. */
    public static MemberBatch fromBytes(byte[] bytes, int addCount) {
        return new MemberBatch(MemberKeys.decode(bytes), addCount);
    }

    /**
     * The additions of every batch, one after the other, as one batch of additions (the pages of a replacing
     * sync); a member sent twice is added once.
     */
    public static MemberBatch additionsOf(List<MemberBatch> batches) {
        long[] added = batches.stream().flatMapToLong(batch -> LongStream.of(batch.addedKeys())).toArray();
        return new MemberBatch(added, added.length);
    }

    public byte[] toBytes() {
        return MemberKeys.encode(keys);
    }

    public int addCount() {
        return addCount;
    }

    public int removeCount() {
        return keys.length - addCount;
    }

    long[] addedKeys() {
        return Arrays.copyOfRange(keys, 0, addCount);
    }

    long[] removedKeys() {
        return Arrays.copyOfRange(keys, addCount, keys.length);
    }
}
