package io.audiencehub.audience;

import org.roaringbitmap.RoaringBitmap;

/**
 * Members an audience change brought in or left out, in the form audiences number them. Other features
 * keep it only as {@link #toBytes()} and give it back through {@link #fromBytes}, asking
 * {@link AudienceService#isIn} and {@link AudienceService#among} about ids, never reading the format.
 */
public final class MemberSet {

    private final RoaringBitmap members;

    private MemberSet(RoaringBitmap members) {
        this.members = members;
    }

    static MemberSet of(RoaringBitmap members) {
        members.runOptimize();
        return new MemberSet(members);
    }

    public static MemberSet fromBytes(byte[] bytes) {
        return new MemberSet(Bitmaps.deserialize(bytes));
    }

    /** The members of every set, each once. */
    public static MemberSet union(Iterable<MemberSet> sets) {
        RoaringBitmap union = new RoaringBitmap();
        sets.forEach(set -> union.or(set.members));
        return new MemberSet(union);
    }

    public byte[] toBytes() {
        return Bitmaps.serialize(members);
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public long size() {
        return members.getLongCardinality();
    }

    boolean contains(int sequence) {
        return members.contains(sequence);
    }

    public boolean intersects(MemberSet other) {
        return RoaringBitmap.intersects(members, other.members);
    }

    /** The members of this set that are not in {@code other}. */
    public MemberSet without(MemberSet other) {
        return new MemberSet(RoaringBitmap.andNot(members, other.members));
    }
}
