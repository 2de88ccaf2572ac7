package io.audiencehub.campaign;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Which visitors enter a campaign and which variation each sees, decided by MurmurHash3 (x64, 128
 * bits) of the visitor id, seeded with the campaign: the same answer on every node, after every
 * restart, with nothing stored. One hash per campaign and visitor serves both decisions.
 * <ul>
 *   <li><b>Traffic</b>: a visitor's bucket, 0 to 9,999 (from the hash's first half), enters when it is
 *       below the allocation times 100. Raising the allocation only lets more visitors in; lowering it
 *       only lets some out.</li>
 *   <li><b>Variation</b>: weighted rendezvous hashing. Each variation scores {@code -ln(u) / weight},
 *       {@code u} uniform in (0, 1) from the hash's second half mixed with the hash of the variation's
 *       key; the lowest score wins, so a variation is chosen with probability weight / total. Changing
 *       one variation's weight moves visitors only into or out of that variation; the others keep
 *       theirs. Adding a variation takes its share from every other, and removing one gives its
 *       visitors to the others: nobody else moves.</li>
 * </ul>
 */
final class Assignment {

    static final int BUCKETS = 10_000;
    private static final double TWO_TO_THE_53 = 0x1p53;

    private Assignment() {
    }

    /** The visitor id as the hash reads it; a decision computes it once for every campaign. */
    static byte[] visitor(String visitorId) {
        return visitorId.getBytes(StandardCharsets.UTF_8);
    }

    /** The hash that decides the visitor's traffic bucket and variation in the campaign. */
    static long[] hash(long campaignId, byte[] visitor) {
        return MurmurHash3.hash128x64(visitor, 0, visitor.length, (int) (campaignId ^ (campaignId >>> 32)));
    }

    /** A variation key's part in the scores, computed once per variation. */
    static long keyHash(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0)[0];
    }

    static int bucket(long[] hash) {
        return (int) Long.remainderUnsigned(hash[0], BUCKETS);
    }

    static boolean enters(long[] hash, int trafficPercent) {
        return bucket(hash) < trafficPercent * (BUCKETS / 100);
    }

    /** The index of the variation the visitor sees; variations of weight 0 are never chosen. */
    static int variation(long[] hash, long[] keyHashes, int[] weights) {
        int chosen = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < keyHashes.length; i++) {
            if (weights[i] <= 0) {
                continue;
            }
            double score = -Math.log(uniform(mix(hash[1] ^ keyHashes[i]))) / weights[i];
            if (score < best) {
                best = score;
                chosen = i;
            }
        }
        if (chosen < 0) {
            throw new IllegalArgumentException("a campaign needs a variation with a weight above 0");
        }
        return chosen;
    }

    /** SplitMix64's finalizer: every bit of the result depends on every bit of {@code value}. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A double uniform in (0, 1), never 0, from the top 53 bits. */
    private static double uniform(long bits) {
        return ((bits >>> 11) + 0.5) / TWO_TO_THE_53;
    }
}
