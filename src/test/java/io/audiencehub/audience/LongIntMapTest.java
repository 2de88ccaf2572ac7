package io.audiencehub.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

    @Test
    void findsEveryKeyItWasGivenAcrossManyGrowthsAndNothingElse() {
        LongIntMap map = new LongIntMap(4);
        Map<Long, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        while (expected.size() < 100_000) {
            long key = random.nextLong();
            if (!expected.containsKey(key)) {
                expected.put(key, expected.size());
                map.putNew(key, expected.get(key));
            }
        }

        assertThat(map.size()).isEqualTo(100_000);
        expected.forEach((key, value) -> assertThat(map.get(key)).isEqualTo(value));
        for (int i = 0; i < 10_000; i++) {
            long absent = random.nextLong();
            if (!expected.containsKey(absent)) {
                assertThat(map.get(absent)).isEqualTo(LongIntMap.ABSENT);
            }
        }
    }

    @Test
    void takesAtMostNineteenBytesAKeyAndGrowsAPieceAtATime() {
        LongIntMap map = new LongIntMap(1 << 10);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            map.putNew(random.nextLong() | 1, i);
        }

        assertThat(map.bytes() / (double) map.size()).as("bytes per key").isBetween(12.0, 19.0);
        assertThat(map.largestTableSlots())
                .as("a growth copies one table, never the whole map (a doubling map needs three times its size)")
                .isLessThan((int) (map.slots() / 100));
    }

    @Test
    void zeroIsAKeyLikeAnyOtherThoughItMarksFreeSlots() {
        LongIntMap map = new LongIntMap(16);
        assertThat(map.get(0L)).isEqualTo(LongIntMap.ABSENT);

        map.putNew(0L, 7);
        map.putNew(16L, 8);

        assertThat(map.get(0L)).isEqualTo(7);
        assertThat(map.get(16L)).isEqualTo(8);
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    void keysThatShareTheirLowBitsAreAllKept() {
        LongIntMap map = new LongIntMap(16);
        for (int i = 1; i <= 40; i++) {
            map.putNew((long) i << 40, i);
        }

        for (int i = 1; i <= 40; i++) {
            assertThat(map.get((long) i << 40)).isEqualTo(i);
        }
        assertThat(map.get(41L << 40)).isEqualTo(LongIntMap.ABSENT);
    }
}
