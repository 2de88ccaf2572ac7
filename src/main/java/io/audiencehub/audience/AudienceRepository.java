package io.audiencehub.audience;

import io.audiencehub.base.SqlPatterns;
import java.security.SecureRandom;
import java.time.Instant;
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
            id, connector_id, segment_id, name, member_count, matched_count, created_at, last_change_at
            """;

    record StoredMembers(long audienceId, byte[] bitmap, long matchedCount) {
    }

    record KeyChunk(int firstSeq, byte[] memberKeys) {
    }

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

    void forEachMembers(Consumer<StoredMembers> action) {
        try (Stream<StoredMembers> members = jdbc.sql("""
                        SELECT m.audience_id, m.bitmap, a.matched_count
                        FROM audience_members m JOIN audience a ON a.id = m.audience_id
                        """)
                .query(StoredMembers.class).stream()) {
            members.forEach(action);
        }
    }

    List<StoredMembers> members(Collection<Long> audienceIds) {
        if (audienceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT m.audience_id, m.bitmap, a.matched_count
                        FROM audience_members m JOIN audience a ON a.id = m.audience_id
                        WHERE m.audience_id IN (:ids)
                        """)
                .param("ids", audienceIds)
                .query(StoredMembers.class).list();
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

    /** The audience of a provider segment, created on its first sync; the name follows the provider. */
    long upsert(long connectorId, long segmentId, String name, Instant now) {
        jdbc.sql("""
                        INSERT INTO audience (connector_id, segment_id, name, created_at, last_change_at)
                        VALUES (:connectorId, :segmentId, :name, :now, :now)
                        ON DUPLICATE KEY UPDATE name = VALUES(name), last_change_at = VALUES(last_change_at)
                        """)
                .param("connectorId", connectorId)
                .param("segmentId", segmentId)
                .param("name", name)
                .param("now", now)
                .update();
        return jdbc.sql("SELECT id FROM audience WHERE connector_id = :connectorId AND segment_id = :segmentId")
                .param("connectorId", connectorId)
                .param("segmentId", segmentId)
                .query(Long.class).single();
    }

    void saveMembers(long audienceId, byte[] bitmap, long memberCount, long matchedCount) {
        jdbc.sql("""
                        INSERT INTO audience_members (audience_id, bitmap) VALUES (:id, :bitmap)
                        ON DUPLICATE KEY UPDATE bitmap = VALUES(bitmap)
                        """)
                .param("id", audienceId)
                .param("bitmap", bitmap)
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
