package io.audiencehub.campaign;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Which visitors enter a campaign and which variation each sees, decided by MurmurHash3 (x64, 128
 * bits) of the campaign and the visitor id alone: the same answer on every node, after every restart,
 * with nothing stored.
 * <ul>
 *   <li><b>Traffic</b>: a visitor's bucket, 0 to 9,999, enters when it is below the allocation times
 *       100. Raising the allocation only lets more visitors in; lowering it only lets some out.</li>
 *   <li><b>Variation</b>: weighted rendezvous hashing. Each variation scores {@code -ln(u) / weight},
 *       {@code u} uniform in (0, 1) from the hash of the campaign, the variation's key and the visitor;
 *       the lowest score wins, so a variation is chosen with probability weight / total. Changing one
 *       variation's weight moves visitors only into or out of that variation; the others keep theirs.
 *       Adding a variation takes its share from every other, and removing one gives its visitors to
 *       the others: nobody else moves.</li>
 * </ul>
 */
final class Assignment {

    static final int BUCKETS = 10_000;
    private static final double TWO_TO_THE_53 = 0x1p53;

    private Assignment() {
    }

    /** The visitor's traffic bucket in the campaign, 0 to 9,999. */
    static int bucket(long campaignId, String visitorId) {
        long hash = hash(campaignId + ":traffic:" + visitorId);
        return (int) Long.remainderUnsigned(hash, BUCKETS);
    }

    static boolean enters(long campaignId, String visitorId, int trafficPercent) {
        return bucket(campaignId, visitorId) < trafficPercent * (BUCKETS / 100);
    }

    /** The index in {@code variations} of the one the visitor sees; variations of weight 0 are never chosen. */
    static int variation(long campaignId, String visitorId, List<String> keys, List<Integer> weights) {
        int chosen = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < keys.size(); i++) {
            int weight = weights.get(i);
            if (weight <= 0) {
                continue;
            }
            double score = -Math.log(uniform(hash(campaignId + ":variation:" + keys.get(i) + ":" + visitorId))) / weight;
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

    /** A double uniform in (0, 1), never 0, from the hash's top 53 bits. */
    private static double uniform(long hash) {
        return ((hash >>> 11) + 0.5) / TWO_TO_THE_53;
    }

    private static long hash(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0)[0];
    }
}
