package io.audiencehub.audience;

import com.carrotsearch.hppc.IntObjectHashMap;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * The audiences each known visitor is in, by member number: the inverse of the audiences' bitmaps,
 * for the visitors the tag reported only. A decision asks about every audience its segments name for
 * one visitor; with this it reads the visitor's few audiences in one look instead of searching a
 * bitmap per audience. Decisions are asked for the visitors the tag reports, so members who are not
 * known visitors (most of a large export) cost nothing here. Not thread-safe: {@link AudienceStore}
 * guards it.
 */
final class AudiencesOfKnownVisitors {

    static final long[] NONE = new long[0];

    /** The audience ids in ascending order, absent for none. */
    private final IntObjectHashMap<long[]> bySequence;

    private AudiencesOfKnownVisitors(IntObjectHashMap<long[]> bySequence) {
        this.bySequence = bySequence;
    }

    /** Builds it from every audience's members, for the known visitors among them. */
    static AudiencesOfKnownVisitors of(Map<Long, AudienceStore.Members> audiences, RoaringBitmap known) {
        AudiencesOfKnownVisitors index = new AudiencesOfKnownVisitors(new IntObjectHashMap<>(known.getCardinality()));
        new TreeMap<>(audiences).forEach((audienceId, members) ->
                RoaringBitmap.and(members.bitmap(), known).forEach((int sequence) -> index.add(sequence, audienceId)));
        return index;
    }

    /** The audiences of the known visitor numbered {@code sequence}, ascending; never to be changed by the caller. */
    long[] of(int sequence) {
        long[] audienceIds = bySequence.get(sequence);
        return audienceIds == null ? NONE : audienceIds;
    }

    /** Follows an audience from its members {@code before} to {@code after}, for the {@code known} visitors. */
    void change(long audienceId, RoaringBitmap before, RoaringBitmap after, RoaringBitmap known) {
        if (before == after) {
            return;
        }
        RoaringBitmap.and(RoaringBitmap.andNot(after, before), known)
                .forEach((int sequence) -> add(sequence, audienceId));
        RoaringBitmap.and(RoaringBitmap.andNot(before, after), known)
                .forEach((int sequence) -> remove(sequence, audienceId));
    }

    /** Indexes visitors who became known with the audiences they are already in. */
    void becameKnown(RoaringBitmap newlyKnown, Map<Long, AudienceStore.Members> audiences) {
        if (newlyKnown.isEmpty()) {
            return;
        }
        new TreeMap<>(audiences).forEach((audienceId, members) ->
                RoaringBitmap.and(members.bitmap(), newlyKnown).forEach((int sequence) -> add(sequence, audienceId)));
    }

    /** Drops visitors who are no longer known (erased). */
    void forget(RoaringBitmap noLongerKnown) {
        noLongerKnown.forEach((int sequence) -> bySequence.remove(sequence));
    }

    int size() {
        return bySequence.size();
    }

    // each member's array is replaced, never changed in place: readers may hold the old one
    private void add(int sequence, long audienceId) {
        long[] audienceIds = of(sequence);
        int at = Arrays.binarySearch(audienceIds, audienceId);
        if (at >= 0) {
            return;
        }
        int insertion = -at - 1;
        long[] grown = new long[audienceIds.length + 1];
        System.arraycopy(audienceIds, 0, grown, 0, insertion);
        grown[insertion] = audienceId;
        System.arraycopy(audienceIds, insertion, grown, insertion + 1, audienceIds.length - insertion);
        bySequence.put(sequence, grown);
    }

    private void remove(int sequence, long audienceId) {
        long[] audienceIds = of(sequence);
        int at = Arrays.binarySearch(audienceIds, audienceId);
        if (at < 0) {
            return;
        }
        if (audienceIds.length == 1) {
            bySequence.remove(sequence);
            return;
        }
        long[] shrunk = new long[audienceIds.length - 1];
        System.arraycopy(audienceIds, 0, shrunk, 0, at);
        System.arraycopy(audienceIds, at + 1, shrunk, at, audienceIds.length - at - 1);
        bySequence.put(sequence, shrunk);
    }
}
