package io.audiencehub.segment;

import io.audiencehub.base.SqlPatterns;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class SegmentRepository {

    record StoredSegment(long id, String name, String definition, String updatedBy, Instant updatedAt) {
    }

    record SegmentOfAudience(long audienceId, String segmentName) {
    }

    record AudienceReference(long connectorId, long audienceId) {
    }

    private final JdbcClient jdbc;

    SegmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, String definition, String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO segment (name, definition, created_by, created_at, updated_by, updated_at)
                        VALUES (:name, :definition, :by, :now, :by, :now)
                        """)
                .param("name", name)
                .param("definition", definition)
                .param("by", by)
                .param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int update(long id, String name, String definition, String by, Instant now) {
        return jdbc.sql("""
                        UPDATE segment SET name = :name, definition = :definition, updated_by = :by, updated_at = :now
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("name", name)
                .param("definition", definition)
                .param("by", by)
                .param("now", now)
                .update();
    }

    void replaceReferences(long segmentId, Collection<AudienceReference> references) {
        jdbc.sql("DELETE FROM segment_external_audience WHERE segment_id = :id").param("id", segmentId).update();
        references.forEach(reference -> jdbc.sql("""
                        INSERT IGNORE INTO segment_external_audience (segment_id, connector_id, audience_id)
                        VALUES (:segmentId, :connectorId, :audienceId)
                        """)
                .param("segmentId", segmentId)
                .param("connectorId", reference.connectorId())
                .param("audienceId", reference.audienceId())
                .update());
    }

    /** The segments that read each audience, by name. */
    List<SegmentOfAudience> segmentsUsing(Collection<Long> audienceIds) {
        if (audienceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT r.audience_id, s.name AS segment_name
                        FROM segment_external_audience r JOIN segment s ON s.id = r.segment_id
                        WHERE r.audience_id IN (:ids) ORDER BY s.name
                        """)
                .param("ids", audienceIds)
                .query(SegmentOfAudience.class).list();
    }

    int delete(long id) {
        return jdbc.sql("DELETE FROM segment WHERE id = :id").param("id", id).update();
    }

    Optional<StoredSegment> find(long id) {
        return jdbc.sql("SELECT id, name, definition, updated_by, updated_at FROM segment WHERE id = :id")
                .param("id", id)
                .query(StoredSegment.class).optional();
    }

    List<StoredSegment> named(String nameContains, int offset, int limit) {
        return jdbc.sql("""
                        SELECT id, name, definition, updated_by, updated_at FROM segment
                        WHERE name LIKE :pattern ORDER BY name LIMIT :limit OFFSET :offset
                        """)
                .param("pattern", SqlPatterns.containing(nameContains))
                .param("limit", limit)
                .param("offset", offset)
                .query(StoredSegment.class).list();
    }

    int countNamed(String nameContains) {
        return jdbc.sql("SELECT COUNT(*) FROM segment WHERE name LIKE :pattern")
                .param("pattern", SqlPatterns.containing(nameContains))
                .query(Integer.class).single();
    }

    List<StoredSegment> byIds(Collection<Long> ids) {
        return jdbc.sql("SELECT id, name, definition, updated_by, updated_at FROM segment WHERE id IN (:ids)")
                .param("ids", ids)
                .query(StoredSegment.class).list();
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM segment WHERE name = :name AND id <> :id")
                .param("name", name)
                .param("id", exceptId)
                .query(Integer.class).single() > 0;
    }

    List<StoredSegment> page(int offset, int limit) {
        return jdbc.sql("""
                        SELECT id, name, definition, updated_by, updated_at FROM segment
                        ORDER BY name LIMIT :limit OFFSET :offset
                        """)
                .param("limit", limit)
                .param("offset", offset)
                .query(StoredSegment.class).list();
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM segment").query(Integer.class).single();
    }

    int countUsingConnector(long connectorId) {
        return jdbc.sql("SELECT COUNT(DISTINCT segment_id) FROM segment_external_audience WHERE connector_id = :id")
                .param("id", connectorId)
                .query(Integer.class).single();
    }
}
