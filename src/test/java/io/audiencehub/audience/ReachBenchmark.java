package io.audiencehub.audience;

import io.audiencehub.audience.AudienceStore.Members;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.roaringbitmap.RoaringBitmap;

/**
 * The reach estimate's computation on two 1,000,000-member audiences and 1,000,000 known visitors,
 * scattered at random over 4,000,000 member numbers (worse for compression than a real sync, whose
 * members get consecutive numbers). Run by bench/reach.sh; prints the median and slowest of 50 runs.
 */
public final class ReachBenchmark {

    private static final int UNIVERSE = 4_000_000;
    private static final int MEMBERS = 1_000_000;

    private ReachBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(20261129);
        AudienceStore store = new AudienceStore();
        store.reset(0, new LongIntMap(16), UNIVERSE, Map.of(
                1L, new Members(randomBitmap(random), 0),
                2L, new Members(randomBitmap(random), 0)), randomBitmap(random));
        Map<String, AudienceFormula> formulas = Map.of(
                "is in A", new AudienceFormula.Member(1, false),
                "is in A and is not in B", new AudienceFormula.All(List.of(new AudienceFormula.Member(1, false),
                        new AudienceFormula.Member(2, true))),
                "is in A or is in B", new AudienceFormula.Some(List.of(new AudienceFormula.Member(1, false),
                        new AudienceFormula.Member(2, false))),
                "(is in A or a page criterion) and is not in B", new AudienceFormula.All(List.of(
                        new AudienceFormula.Some(List.of(new AudienceFormula.Member(1, false), new AudienceFormula.Anyone())),
                        new AudienceFormula.Member(2, true))));
        formulas.forEach((name, formula) -> {
            long[] nanos = new long[50];
            long reach = 0;
            for (int warmUp = 0; warmUp < 20; warmUp++) {
                reach = store.knownMatching(formula).getLongCardinality();
            }
            for (int run = 0; run < nanos.length; run++) {
                long start = System.nanoTime();
                reach = store.knownMatching(formula).getLongCardinality();
                nanos[run] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("%-48s reach %,9d known visitors: median %6.2f ms, slowest %6.2f ms (target <= 500 ms)%n",
                    name, reach, nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6);
        });
    }

    private static RoaringBitmap randomBitmap(Random random) {
        RoaringBitmap bitmap = new RoaringBitmap();
        while (bitmap.getCardinality() < MEMBERS) {
            bitmap.add(random.nextInt(UNIVERSE));
        }
        bitmap.runOptimize();
        return bitmap;
    }
}
