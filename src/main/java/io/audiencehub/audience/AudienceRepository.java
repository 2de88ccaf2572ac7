package io.audiencehub.audience;

import io.audiencehub.base.SqlPatterns;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AudienceRepository {

    private static final String COLUMNS = """
            id, connector_id, audience_key, name, member_count, matched_count, created_at, last_change_at
            """;

    record StoredMembers(long audienceId, byte[] bitmap, long matchedCount) {
    }

    record KeyChunk(int firstSeq, byte[] memberKeys) {
    }

    private record MembersPart(long audienceId, int part, byte[] bytes, long matchedCount) {

        StoredMembers joined(ByteArrayOutputStream bitmap) {
            return new StoredMembers(audienceId, bitmap.toByteArray(), matchedCount);
        }
    }

    /**
     * The largest part of an audience's bitmap stored in one value: far below MariaDB's default
     * max_allowed_packet (16 MiB), escaping included, whatever the audience's size.
     */
    static final int PART_BYTES = 512 * 1024;

    private final JdbcClient jdbc;

    AudienceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** This installation's salt for member keys, created on first use. */
    byte[] salt() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT IGNORE INTO audience_key_salt (id, salt) VALUES (1, :salt)").param("salt", fresh).update();
        return jdbc.sql("SELECT salt FROM audience_key_salt WHERE id = 1").query(byte[].class).single();
    }

    /** The chunks of keys numbered from {@code firstSeq} on, in order. */
    void forEachKeyChunkFrom(int firstSeq, Consumer<KeyChunk> action) {
        // the stream holds the connection until it is closed
        try (Stream<KeyChunk> chunks = jdbc.sql("""
                        SELECT first_seq, member_keys FROM audience_key_chunk WHERE first_seq >= :firstSeq
                        ORDER BY first_seq
                        """)
                .param("firstSeq", firstSeq)
                .query(KeyChunk.class).stream()) {
            chunks.forEach(action);
        }
    }

    void insertKeyChunk(int firstSeq, long[] keys) {
        jdbc.sql("""
                        INSERT INTO audience_key_chunk (first_seq, key_count, member_keys)
                        VALUES (:firstSeq, :count, :keys)
                        """)
                .param("firstSeq", firstSeq)
                .param("count", keys.length)
                .param("keys", MemberKeys.encode(keys))
                .update();
    }

    /** Empties the numbered slot of an erased key, so that the database keeps it only as a suppression. */
    void eraseKeyAt(int sequence) {
        writeKeyAt(sequence, MemberKeys.ERASED);
    }

    /** Writes {@code key} into slot {@code sequence} of the chunk holding it. */
    void writeKeyAt(int sequence, long key) {
        int firstSeq = jdbc.sql("SELECT MAX(first_seq) FROM audience_key_chunk WHERE first_seq <= :sequence")
                .param("sequence", sequence)
                .query(Integer.class).single();
        jdbc.sql("""
                        UPDATE audience_key_chunk
                        SET member_keys = INSERT(member_keys, :offset + 1, 8, :key)
                        WHERE first_seq = :firstSeq AND key_count > :slot
                        """)
                .param("offset", (sequence - firstSeq) * Long.BYTES)
                .param("key", MemberKeys.encode(new long[] {key}))
                .param("firstSeq", firstSeq)
                .param("slot", sequence - firstSeq)
                .update();
    }

    void forEachMembers(Consumer<StoredMembers> action) {
        try (Stream<MembersPart> parts = jdbc.sql("""
                        SELECT p.audience_id, p.part, p.bytes, a.matched_count
                        FROM audience_members_part p JOIN audience a ON a.id = p.audience_id
                        ORDER BY p.audience_id, p.part
                        """)
                .query(MembersPart.class).stream()) {
            joinParts(parts, action);
        }
    }

    List<StoredMembers> members(Collection<Long> audienceIds) {
        if (audienceIds.isEmpty()) {
            return List.of();
        }
        List<StoredMembers> members = new ArrayList<>();
        try (Stream<MembersPart> parts = jdbc.sql("""
                        SELECT p.audience_id, p.part, p.bytes, a.matched_count
                        FROM audience_members_part p JOIN audience a ON a.id = p.audience_id
                        WHERE p.audience_id IN (:ids)
                        ORDER BY p.audience_id, p.part
                        """)
                .param("ids", audienceIds)
                .query(MembersPart.class).stream()) {
            joinParts(parts, members::add);
        }
        return members;
    }

    /** Joins each audience's parts, which arrive in order and are written in one transaction, into its bitmap. */
    private static void joinParts(Stream<MembersPart> parts, Consumer<StoredMembers> action) {
        ByteArrayOutputStream bitmap = new ByteArrayOutputStream();
        MembersPart[] first = {null};
        parts.forEach(part -> {
            if (first[0] != null && first[0].audienceId() != part.audienceId()) {
                action.accept(first[0].joined(bitmap));
                first[0] = null;
            }
            if (first[0] == null) {
                first[0] = part;
                bitmap.reset();
            }
            bitmap.writeBytes(part.bytes());
        });
        if (first[0] != null) {
            action.accept(first[0].joined(bitmap));
        }
    }

    Map<Long, Long> matchedCounts(Collection<Long> audienceIds) {
        if (audienceIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, matched_count FROM audience WHERE id IN (:ids)")
                .param("ids", audienceIds)
                .query((row, number) -> Map.entry(row.getLong(1), row.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The audience of a source's key, created on its first sync; the name follows the source. */
    long upsert(long connectorId, String audienceKey, String name, Instant now) {
        jdbc.sql("""
                        INSERT INTO audience (connector_id, audience_key, name, created_at, last_change_at)
                        VALUES (:connectorId, :audienceKey, :name, :now, :now)
                        ON DUPLICATE KEY UPDATE name = VALUES(name), last_change_at = VALUES(last_change_at)
                        """)
                .param("connectorId", connectorId)
                .param("audienceKey", audienceKey)
                .param("name", name)
                .param("now", now)
                .update();
        return jdbc.sql("SELECT id FROM audience WHERE connector_id = :connectorId AND audience_key = :audienceKey")
                .param("connectorId", connectorId)
                .param("audienceKey", audienceKey)
                .query(Long.class).single();
    }

    /** Stores the bitmap in parts of at most {@link #PART_BYTES}, one statement each, and the counts. */
    void saveMembers(long audienceId, byte[] bitmap, long memberCount, long matchedCount) {
        int parts = Math.max(1, (bitmap.length + PART_BYTES - 1) / PART_BYTES);
        for (int part = 0; part < parts; part++) {
            int from = part * PART_BYTES;
            jdbc.sql("""
                            INSERT INTO audience_members_part (audience_id, part, bytes) VALUES (:id, :part, :bytes)
                            ON DUPLICATE KEY UPDATE bytes = VALUES(bytes)
                            """)
                    .param("id", audienceId)
                    .param("part", part)
                    .param("bytes", Arrays.copyOfRange(bitmap, from, Math.min(bitmap.length, from + PART_BYTES)))
                    .update();
        }
        jdbc.sql("DELETE FROM audience_members_part WHERE audience_id = :id AND part >= :parts")
                .param("id", audienceId)
                .param("parts", parts)
                .update();
        saveCounts(audienceId, memberCount, matchedCount);
    }

    void saveCounts(long audienceId, long memberCount, long matchedCount) {
        jdbc.sql("UPDATE audience SET member_count = :members, matched_count = :matched WHERE id = :id")
                .param("id", audienceId)
                .param("members", memberCount)
                .param("matched", matchedCount)
                .update();
    }

    Map<Long, Audience> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM audience WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Audience.class).list().stream()
                .collect(Collectors.toMap(Audience::id, audience -> audience));
    }

    Optional<Audience> find(long connectorId, String audienceKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audience WHERE connector_id = :connectorId AND audience_key = :key")
                .param("connectorId", connectorId).param("key", audienceKey)
                .query(Audience.class).optional();
    }

    Optional<Audience> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audience WHERE id = :id").param("id", id)
                .query(Audience.class).optional();
    }

    List<Audience> page(long connectorId, String nameContains, boolean onlyAvailable, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                        FROM audience
                        WHERE connector_id = :connectorId AND name LIKE :name AND matched_count >= :minMatched
                        ORDER BY name, id
                        LIMIT :limit OFFSET :offset
                        """)
                .param("connectorId", connectorId)
                .param("name", SqlPatterns.containing(nameContains))
                .param("minMatched", onlyAvailable ? 1 : 0)
                .param("limit", limit)
                .param("offset", offset)
                .query(Audience.class).list();
    }

    int count(long connectorId, String nameContains, boolean onlyAvailable) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM audience
                        WHERE connector_id = :connectorId AND name LIKE :name AND matched_count >= :minMatched
                        """)
                .param("connectorId", connectorId)
                .param("name", SqlPatterns.containing(nameContains))
                .param("minMatched", onlyAvailable ? 1 : 0)
                .query(Integer.class).single();
    }

    List<ConnectorAudiences> totals(Collection<Long> connectorIds) {
        if (connectorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT connector_id, COUNT(*) AS audiences, SUM(matched_count >= 1) AS available
                        FROM audience WHERE connector_id IN (:ids) GROUP BY connector_id
                        """)
                .param("ids", connectorIds)
                .query(ConnectorAudiences.class).list();
    }
}
