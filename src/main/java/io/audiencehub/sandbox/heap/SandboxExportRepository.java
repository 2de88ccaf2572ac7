package io.audiencehub.sandbox.heap;

import io.audiencehub.sandbox.heap.SandboxSegment.RuleOperator;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
@Profile("sandbox")
class SandboxExportRepository {

    private static final String SEGMENT_COLUMNS = """
            id, environment_id, name, rule_property, rule_operator, rule_value, created_at
            """;
    private static final String EXPORT_COLUMNS = """
            segment_id, user_id_property, confirmed_at, recurring, next_sync_at, last_sync_at, last_result
            """;

    /** The users of a rule segment: those whose property matches, as user ids. */
    private static final String RULE_MEMBERS = """
            SELECT user_id FROM sandbox_heap_user_property
            WHERE environment_id = :environmentId AND name = :ruleProperty
              AND (:operator = 'IS_SET' OR (:operator = 'EQUALS' AND value = :ruleValue)
                   OR (:operator = 'CONTAINS' AND INSTR(value, :ruleValue) > 0))
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    SandboxExportRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    long insertSegment(long environmentId, String name, String property, RuleOperator operator, String value,
                       Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO sandbox_heap_segment (environment_id, name, rule_property, rule_operator, rule_value,
                                                          created_at)
                        VALUES (:environmentId, :name, :property, :operator, :value, :now)
                        """)
                .param("environmentId", environmentId)
                .param("name", name)
                .param("property", property)
                .param("operator", operator == null ? null : operator.name())
                .param("value", value)
                .param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertListedUsers(long segmentId, Collection<String> userIds) {
        batches.batchUpdate("INSERT INTO sandbox_heap_segment_user (segment_id, user_id) VALUES (?, ?)",
                rows(segmentId, userIds));
    }

    /** Which of the ids are users of the environment, by user id or identity; returns their user ids. */
    Set<String> existingUsers(long environmentId, Collection<String> userIdsOrIdentities) {
        if (userIdsOrIdentities.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("""
                        SELECT user_id FROM sandbox_heap_user
                        WHERE environment_id = :environmentId AND (user_id IN (:ids) OR identity IN (:ids))
                        """)
                .param("environmentId", environmentId)
                .param("ids", userIdsOrIdentities)
                .query(String.class).set();
    }

    List<SandboxSegment> segments(long environmentId) {
        return jdbc.sql("SELECT " + SEGMENT_COLUMNS + " FROM sandbox_heap_segment WHERE environment_id = :environmentId"
                        + " ORDER BY name")
                .param("environmentId", environmentId)
                .query(SandboxSegment.class).list();
    }

    Optional<SandboxSegment> segment(long id) {
        return jdbc.sql("SELECT " + SEGMENT_COLUMNS + " FROM sandbox_heap_segment WHERE id = :id")
                .param("id", id)
                .query(SandboxSegment.class).optional();
    }

    /** The values of {@code idProperty} carried by the segment's members; members without it are left out. */
    Set<String> memberIds(SandboxSegment segment, String idProperty) {
        String members = segment.ruleOperator() == null
                ? "SELECT user_id FROM sandbox_heap_segment_user WHERE segment_id = :segmentId"
                : RULE_MEMBERS;
        return jdbc.sql("""
                        SELECT DISTINCT id.value FROM sandbox_heap_user_property id
                        WHERE id.environment_id = :environmentId AND id.name = :idProperty
                          AND id.user_id IN (%s)
                        """.formatted(members))
                .param("segmentId", segment.id())
                .param("environmentId", segment.environmentId())
                .param("ruleProperty", segment.ruleProperty())
                .param("operator", segment.ruleOperator() == null ? "" : segment.ruleOperator().name())
                .param("ruleValue", segment.ruleValue() == null ? "" : segment.ruleValue())
                .param("idProperty", idProperty)
                .query(String.class).set();
    }

    long userCount(SandboxSegment segment) {
        if (segment.ruleOperator() == null) {
            return jdbc.sql("SELECT COUNT(*) FROM sandbox_heap_segment_user WHERE segment_id = :id")
                    .param("id", segment.id()).query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM (" + RULE_MEMBERS + ") members")
                .param("environmentId", segment.environmentId())
                .param("ruleProperty", segment.ruleProperty())
                .param("operator", segment.ruleOperator().name())
                .param("ruleValue", segment.ruleValue() == null ? "" : segment.ruleValue())
                .query(Long.class).single();
    }

    /** The user property names the environment has collected, as Heap offers them. */
    List<String> propertyNames(long environmentId) {
        return jdbc.sql("""
                        SELECT DISTINCT name FROM sandbox_heap_user_property WHERE environment_id = :environmentId
                        ORDER BY name
                        """)
                .param("environmentId", environmentId)
                .query(String.class).list();
    }

    Optional<SandboxExport> export(long segmentId) {
        return jdbc.sql("SELECT " + EXPORT_COLUMNS + " FROM sandbox_heap_export WHERE segment_id = :id")
                .param("id", segmentId)
                .query(SandboxExport.class).optional();
    }

    void saveExport(long segmentId, String userIdProperty, Instant now) {
        jdbc.sql("""
                        INSERT INTO sandbox_heap_export (segment_id, user_id_property, confirmed_at)
                        VALUES (:id, :property, :now)
                        ON DUPLICATE KEY UPDATE user_id_property = VALUES(user_id_property), confirmed_at = VALUES(confirmed_at)
                        """)
                .param("id", segmentId)
                .param("property", userIdProperty)
                .param("now", now)
                .update();
    }

    void deleteExport(long segmentId) {
        jdbc.sql("DELETE FROM sandbox_heap_export WHERE segment_id = :id").param("id", segmentId).update();
    }

    void setRecurring(long segmentId, boolean recurring, Instant nextSyncAt) {
        jdbc.sql("UPDATE sandbox_heap_export SET recurring = :recurring, next_sync_at = :next WHERE segment_id = :id")
                .param("id", segmentId)
                .param("recurring", recurring)
                .param("next", nextSyncAt)
                .update();
    }

    void recordSync(long segmentId, Instant at, String result, Instant nextSyncAt) {
        jdbc.sql("""
                        UPDATE sandbox_heap_export
                        SET last_sync_at = :at, last_result = :result,
                            next_sync_at = CASE WHEN recurring THEN :next END
                        WHERE segment_id = :id
                        """)
                .param("id", segmentId)
                .param("at", at)
                .param("result", result)
                .param("next", nextSyncAt)
                .update();
    }

    List<Long> dueRecurringExports(Instant now) {
        return jdbc.sql("SELECT segment_id FROM sandbox_heap_export WHERE recurring AND next_sync_at <= :now")
                .param("now", now)
                .query(Long.class).list();
    }

    /**
     * Claims a due export for this hub by moving its next sync to {@code claimedUntil}; false when it is
     * no longer due (another hub of a cluster claimed it first). The sync's end sets the real next one.
     */
    boolean claimDue(long segmentId, Instant now, Instant claimedUntil) {
        return jdbc.sql("""
                        UPDATE sandbox_heap_export SET next_sync_at = :claimedUntil
                        WHERE segment_id = :id AND recurring AND next_sync_at <= :now
                        """)
                .param("id", segmentId)
                .param("now", now)
                .param("claimedUntil", claimedUntil)
                .update() == 1;
    }

    Set<String> lastSentMembers(long segmentId) {
        return jdbc.sql("SELECT member_id FROM sandbox_heap_export_member WHERE segment_id = :id")
                .param("id", segmentId)
                .query(String.class).set();
    }

    void replaceSentMembers(long segmentId, Collection<String> added, Collection<String> removed) {
        batches.batchUpdate("DELETE FROM sandbox_heap_export_member WHERE segment_id = ? AND member_id = ?",
                rows(segmentId, removed));
        batches.batchUpdate("INSERT INTO sandbox_heap_export_member (segment_id, member_id) VALUES (?, ?)",
                rows(segmentId, added));
    }

    private static List<Object[]> rows(long segmentId, Collection<String> members) {
        return members.stream().map(member -> new Object[] {segmentId, member}).toList();
    }

    void insertDelivery(long segmentId, String syncTaskId, int pageNumber, int totalPages, int adds, int removes,
                        int attempt, Integer status, String outcome, Instant at) {
        jdbc.sql("""
                        INSERT INTO sandbox_heap_delivery (segment_id, sync_task_id, page_number, total_pages, adds,
                                                           removes, attempt, status, outcome, at)
                        VALUES (:segmentId, :syncTaskId, :pageNumber, :totalPages, :adds, :removes, :attempt, :status,
                                :outcome, :at)
                        """)
                .param("segmentId", segmentId)
                .param("syncTaskId", syncTaskId)
                .param("pageNumber", pageNumber)
                .param("totalPages", totalPages)
                .param("adds", adds)
                .param("removes", removes)
                .param("attempt", attempt)
                .param("status", status)
                .param("outcome", outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome)
                .param("at", at)
                .update();
    }

    List<SandboxDelivery> deliveries(long segmentId, int offset, int limit) {
        return jdbc.sql("""
                        SELECT id, segment_id, sync_task_id, page_number, total_pages, adds, removes, attempt, status,
                               outcome, at
                        FROM sandbox_heap_delivery WHERE segment_id = :id ORDER BY id DESC LIMIT :limit OFFSET :offset
                        """)
                .param("id", segmentId)
                .param("limit", limit)
                .param("offset", offset)
                .query(SandboxDelivery.class).list();
    }

    List<PartnerApp> partnerApps() {
        return jdbc.sql("""
                        SELECT e.name AS environment_name, t.client_id, COUNT(*) AS tokens, MIN(t.created_at) AS connected_at
                        FROM sandbox_heap_access_token t JOIN sandbox_heap_environment e ON e.id = t.environment_id
                        GROUP BY e.name, t.client_id ORDER BY e.name
                        """)
                .query(PartnerApp.class).list();
    }
}
