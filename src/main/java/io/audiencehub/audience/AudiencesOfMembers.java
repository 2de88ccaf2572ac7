package io.audiencehub.audience;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * The audiences each numbered member key is in: the inverse of the audiences' bitmaps. A decision
 * asks about every audience its segments name for one visitor; with this it reads the visitor's few
 * audiences in one look instead of searching a bitmap per audience. It costs one small array per
 * member in some audience. Not thread-safe: {@link AudienceStore} guards it.
 */
final class AudiencesOfMembers {

    private static final long[] NONE = new long[0];

    /** By sequence number: the audience ids in ascending order, or null for none. */
    private long[][] bySequence;

    private AudiencesOfMembers(long[][] bySequence) {
        this.bySequence = bySequence;
    }

    /** Builds it from every audience's members; {@code sequences} bounds the member numbers in use. */
    static AudiencesOfMembers of(Map<Long, AudienceStore.Members> audiences, int sequences) {
        Map<Long, AudienceStore.Members> byId = new TreeMap<>(audiences);
        int[] counts = new int[sequences];
        byId.values().forEach(members -> members.bitmap().forEach((int sequence) -> counts[sequence]++));
        long[][] bySequence = new long[sequences][];
        int[] filled = new int[sequences];
        byId.forEach((audienceId, members) -> members.bitmap().forEach((int sequence) -> {
            if (bySequence[sequence] == null) {
                bySequence[sequence] = new long[counts[sequence]];
            }
            bySequence[sequence][filled[sequence]++] = audienceId;
        }));
        return new AudiencesOfMembers(bySequence);
    }

    /** The audiences the member numbered {@code sequence} is in, ascending; never to be changed by the caller. */
    long[] of(int sequence) {
        long[] audienceIds = sequence >= 0 && sequence < bySequence.length ? bySequence[sequence] : null;
        return audienceIds == null ? NONE : audienceIds;
    }

    /** Follows an audience from its members {@code before} to {@code after}, each member's array replaced, never changed in place. */
    void change(long audienceId, RoaringBitmap before, RoaringBitmap after, int sequences) {
        if (before == after) {
            return;
        }
        if (sequences > bySequence.length) {
            bySequence = Arrays.copyOf(bySequence, Math.max(sequences, bySequence.length + (bySequence.length >> 1)));
        }
        RoaringBitmap.andNot(after, before).forEach((int sequence) -> bySequence[sequence] = with(of(sequence), audienceId));
        RoaringBitmap.andNot(before, after).forEach((int sequence) -> bySequence[sequence] = without(of(sequence), audienceId));
    }

    private static long[] with(long[] audienceIds, long audienceId) {
        int at = Arrays.binarySearch(audienceIds, audienceId);
        if (at >= 0) {
            return audienceIds;
        }
        int insertion = -at - 1;
        long[] grown = new long[audienceIds.length + 1];
        System.arraycopy(audienceIds, 0, grown, 0, insertion);
        grown[insertion] = audienceId;
        System.arraycopy(audienceIds, insertion, grown, insertion + 1, audienceIds.length - insertion);
        return grown;
    }

    private static long[] without(long[] audienceIds, long audienceId) {
        int at = Arrays.binarySearch(audienceIds, audienceId);
        if (at < 0) {
            return audienceIds;
        }
        if (audienceIds.length == 1) {
            return null;
        }
        long[] shrunk = new long[audienceIds.length - 1];
        System.arraycopy(audienceIds, 0, shrunk, 0, at);
        System.arraycopy(audienceIds, at + 1, shrunk, at, audienceIds.length - at - 1);
        return shrunk;
    }
}
