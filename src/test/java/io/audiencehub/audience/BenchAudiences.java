package io.audiencehub.audience;

import io.audiencehub.audience.AudienceStore.Members;
import io.audiencehub.segment.AudienceMembership;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.roaringbitmap.RoaringBitmap;

/**
 * Audiences held in memory as the hub holds them (member keys numbered in a {@link LongIntMap}, members
 * as RoaringBitmaps), filled at random for benchmarks: {@code audiences} audiences sharing
 * {@code memberships} memberships among {@code visitors} visitors called {@code visitor-<n>}.
 */
public final class BenchAudiences {

    private final AudienceStore store = new AudienceStore();
    private final MemberKeys keys;

    private BenchAudiences(byte[] salt) {
        this.keys = new MemberKeys(salt);
    }

    public static BenchAudiences filled(int audiences, int memberships, int visitors, Random random) {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        BenchAudiences bench = new BenchAudiences(salt);
        LongIntMap sequences = new LongIntMap(visitors);
        for (int visitor = 0; visitor < visitors; visitor++) {
            sequences.putNew(bench.keys.keyOf("visitor-" + visitor), visitor);
        }
        Map<Long, Members> members = new HashMap<>();
        int each = memberships / audiences;
        for (long audience = 1; audience <= audiences; audience++) {
            RoaringBitmap bitmap = new RoaringBitmap();
            while (bitmap.getCardinality() < each) {
                bitmap.add(random.nextInt(visitors));
            }
            bitmap.runOptimize();
            members.put(audience, new Members(bitmap, each));
        }
        RoaringBitmap known = new RoaringBitmap();
        known.add(0L, visitors);
        bench.store.reset(0, sequences, visitors, members, known);
        return bench;
    }

    /** Membership as the decision API asks it: the visitor's key looked up, then its audiences. */
    public AudienceMembership membership() {
        return new AudienceMembership() {
            @Override
            public boolean isMember(long audienceId, String visitorId) {
                return store.lookup(audienceId, keys.keyOf(visitorId)).member();
            }

            @Override
            public long[] audienceIdsOf(String visitorId) {
                return store.audiencesOf(keys.keyOf(visitorId)).clone();
            }
        };
    }
}
