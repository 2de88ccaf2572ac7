package io.audiencehub.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A large audience's members never travel as one value, so it syncs below any max_allowed_packet. */
class AudienceMembersPartsTest extends IntegrationTest {

    @Autowired
    AudienceRepository audiences;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aBitmapLargerThanOnePartIsStoredInBoundedPartsAndReadBackWhole() {
        long audienceId = audiences.upsert(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE), "1",
                "Spread", Instant.now());
        RoaringBitmap large = spread(700_000);
        byte[] serialized = Bitmaps.serialize(large);
        assertThat(serialized.length).as("the test's bitmap").isGreaterThan(2 * AudienceRepository.PART_BYTES);

        transaction.executeWithoutResult(status -> audiences.saveMembers(audienceId, serialized,
                large.getLongCardinality(), 0));

        assertThat(partLengths(audienceId)).hasSizeGreaterThan(2)
                .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(AudienceRepository.PART_BYTES));
        assertThat(Bitmaps.deserialize(audiences.members(List.of(audienceId)).get(0).bitmap())).isEqualTo(large);
        RoaringBitmap[] loaded = {null};
        audiences.forEachMembers(stored -> {
            if (stored.audienceId() == audienceId) {
                loaded[0] = Bitmaps.deserialize(stored.bitmap());
            }
        });
        assertThat(loaded[0]).isEqualTo(large);
    }

    @Test
    void anAudienceThatShrinksKeepsNoPartOfItsLargerPast() {
        long audienceId = audiences.upsert(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE), "1",
                "Shrinking", Instant.now());
        transaction.executeWithoutResult(status -> audiences.saveMembers(audienceId,
                Bitmaps.serialize(spread(700_000)), 700_000, 0));
        RoaringBitmap small = RoaringBitmap.bitmapOf(3, 5, 8);

        transaction.executeWithoutResult(status -> audiences.saveMembers(audienceId, Bitmaps.serialize(small), 3, 0));

        assertThat(partLengths(audienceId)).hasSize(1);
        assertThat(Bitmaps.deserialize(audiences.members(List.of(audienceId)).get(0).bitmap())).isEqualTo(small);
    }

    /** Members scattered over 100 M numbers, as audiences interleaved with many others are. */
    private static RoaringBitmap spread(int members) {
        SplittableRandom random = new SplittableRandom(20);
        RoaringBitmap bitmap = new RoaringBitmap();
        while (bitmap.getCardinality() < members) {
            bitmap.add(random.nextInt(100_000_000));
        }
        return bitmap;
    }

    private List<Integer> partLengths(long audienceId) {
        return jdbc.sql("SELECT LENGTH(bytes) FROM audience_members_part WHERE audience_id = :id ORDER BY part")
                .param("id", audienceId)
                .query(Integer.class).list();
    }
}
