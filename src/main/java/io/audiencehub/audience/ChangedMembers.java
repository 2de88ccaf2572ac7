package io.audiencehub.audience;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Service;

/**
 * Answers questions about the {@link MemberSet}s a change brought in or left out, by member id as a source
 * sends it. An erased visitor is in none of them while its erasure stands, so that nothing shows it again.
 */
@Service
public class ChangedMembers {

    private final AudienceStore store;
    private final MemberKeys keys;
    private final SuppressedKeys suppressed;

    ChangedMembers(AudienceStore store, MemberKeys keys, SuppressedKeys suppressed) {
        this.store = store;
        this.keys = keys;
        this.suppressed = suppressed;
    }

    public boolean isIn(String memberId, MemberSet set) {
        int sequence = sequenceOf(memberId);
        return sequence != LongIntMap.ABSENT && set.contains(sequence);
    }

    /** Whether the member was erased, and its erasure stands. */
    public boolean isErased(String memberId) {
        return suppressed.contains(keys.keyOf(memberId));
    }

    /** Those of {@code memberIds} that are in the set, in their order, each once. */
    public List<String> among(List<String> memberIds, MemberSet set) {
        List<String> in = new ArrayList<>();
        RoaringBitmap listed = new RoaringBitmap();
        for (String memberId : memberIds) {
            int sequence = sequenceOf(memberId);
            if (sequence != LongIntMap.ABSENT && set.contains(sequence) && listed.checkedAdd(sequence)) {
                in.add(memberId);
            }
        }
        return in;
    }

    /** The set of these members, those that no audience ever held left out. */
    public MemberSet setOf(Collection<String> memberIds) {
        RoaringBitmap members = new RoaringBitmap();
        for (String memberId : memberIds) {
            int sequence = sequenceOf(memberId);
            if (sequence != LongIntMap.ABSENT) {
                members.add(sequence);
            }
        }
        return MemberSet.of(members);
    }

    private int sequenceOf(String memberId) {
        long key = keys.keyOf(memberId);
        return suppressed.contains(key) ? LongIntMap.ABSENT : store.sequenceOf(key);
    }
}
