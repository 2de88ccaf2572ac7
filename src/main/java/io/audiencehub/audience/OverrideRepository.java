package io.audiencehub.audience;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The always-in and always-out ids of audiences. An admin's change waits in {@code requested_rule} until the
 * writer applies it; the writer keeps {@code rule} and {@code synced} as it changes memberships.
 */
@Repository
class OverrideRepository {

    /** An id an admin named, with its member key. */
    record Request(long memberKey, String visitorId) {
    }

    /** An admin's change the writer has yet to apply, with what it applied before (rule null: nothing). */
    record Pending(long audienceId, long memberKey, OverrideRule rule, Boolean synced, String requestedRule) {
    }

    /** An override the writer applied, as a sync meets it. */
    record Applied(long memberKey, OverrideRule rule, boolean synced) {
    }

    /** The requested rule that removes an override. */
    static final String REMOVE = "NONE";

    private static final String SHOWN_RULE = "COALESCE(requested_rule, rule)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    OverrideRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Asks for the rule on each id; one that has it already and nothing else pending is left as it is. */
    void request(long audienceId, List<Request> requests, OverrideRule rule, String by, Instant at) {
        batches.batchUpdate("""
                        INSERT INTO audience_override (audience_id, member_key, visitor_id, requested_rule,
                                                       changed_by, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE visitor_id = VALUES(visitor_id),
                            changed_by = IF(COALESCE(requested_rule, rule) <=> VALUES(requested_rule), changed_by,
                                            VALUES(changed_by)),
                            changed_at = IF(COALESCE(requested_rule, rule) <=> VALUES(requested_rule), changed_at,
                                            VALUES(changed_at)),
                            requested_rule = IF(rule <=> VALUES(requested_rule), NULL, VALUES(requested_rule))
                        """, requests, requests.size(), (statement, request) -> {
                    statement.setLong(1, audienceId);
                    statement.setLong(2, request.memberKey());
                    statement.setString(3, request.visitorId());
                    statement.setString(4, rule.name());
                    statement.setString(5, by);
                    statement.setTimestamp(6, Timestamp.from(at));
                });
    }

    /** Asks the writer to remove these overrides; returns how many of the keys had one. */
    int requestRemoval(long audienceId, List<Long> memberKeys, String by, Instant at) {
        int[][] updated = batches.batchUpdate("""
                        UPDATE audience_override SET requested_rule = 'NONE', changed_by = ?, changed_at = ?
                        WHERE audience_id = ? AND member_key = ? AND COALESCE(requested_rule, rule) <> 'NONE'
                        """, memberKeys, memberKeys.size(), (statement, key) -> {
                    statement.setString(1, by);
                    statement.setTimestamp(2, Timestamp.from(at));
                    statement.setLong(3, audienceId);
                    statement.setLong(4, key);
                });
        int removed = 0;
        for (int[] batch : updated) {
            for (int rows : batch) {
                removed += rows > 0 ? 1 : 0;
            }
        }
        return removed;
    }

    OverrideCounts counts(long audienceId) {
        long[] counts = new long[2];
        jdbc.sql("SELECT " + SHOWN_RULE + " AS shown, COUNT(*) AS ids FROM audience_override"
                        + " WHERE audience_id = :audience GROUP BY shown")
                .param("audience", audienceId)
                .query((row, number) -> {
                    String shown = row.getString("shown");
                    if (!REMOVE.equals(shown)) {
                        counts[OverrideRule.valueOf(shown).ordinal()] = row.getLong("ids");
                    }
                    return shown;
                }).list();
        return new OverrideCounts(counts[OverrideRule.ALWAYS_IN.ordinal()], counts[OverrideRule.ALWAYS_OUT.ordinal()]);
    }

    /** The ids shown, by id; with {@code rule}, only those with it. */
    List<AudienceOverride> page(long audienceId, OverrideRule rule, int offset, int limit) {
        return jdbc.sql("SELECT audience_id, visitor_id, " + SHOWN_RULE + " AS rule, synced,"
                        + " requested_rule IS NOT NULL AS pending, changed_by, changed_at FROM audience_override"
                        + " WHERE audience_id = :audience AND " + SHOWN_RULE + " <> 'NONE'"
                        + (rule == null ? "" : " AND " + SHOWN_RULE + " = :rule")
                        + " ORDER BY visitor_id LIMIT :limit OFFSET :offset")
                .param("audience", audienceId).param("rule", rule == null ? null : rule.name())
                .param("limit", limit).param("offset", offset)
                .query(AudienceOverride.class).list();
    }

    boolean anyPending() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM audience_override WHERE requested_rule IS NOT NULL)")
                .query(Boolean.class).single();
    }

    boolean anyPending(long audienceId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM audience_override WHERE audience_id = :audience"
                        + " AND requested_rule IS NOT NULL)")
                .param("audience", audienceId).query(Boolean.class).single();
    }

    /**
     * The admins' changes waiting for the writer, locked: the writer reads and settles them in one transaction,
     * and sees the latest of them whenever that transaction began.
     */
    List<Pending> pending(int limit) {
        return jdbc.sql("""
                        SELECT audience_id, member_key, rule, synced, requested_rule FROM audience_override
                        WHERE requested_rule IS NOT NULL ORDER BY audience_id, member_key LIMIT :limit FOR UPDATE
                        """)
                .param("limit", limit).query(Pending.class).list();
    }

    /**
     * The overrides the writer applied to an audience, read with a lock: the latest ones, whenever the sync's
     * transaction began, and no admin's change of them commits before this transaction ends.
     */
    List<Applied> applied(long audienceId) {
        return jdbc.sql("""
                        SELECT member_key, rule, synced FROM audience_override
                        WHERE audience_id = :audience AND rule IS NOT NULL LOCK IN SHARE MODE
                        """)
                .param("audience", audienceId).query(Applied.class).list();
    }

    /**
     * Records what the writer applied; the admin's request is settled unless a newer one came meanwhile, which
     * then waits for the next round.
     */
    void settle(Pending request, OverrideRule applied, boolean synced) {
        jdbc.sql("""
                        UPDATE audience_override
                        SET rule = :rule, synced = :synced,
                            requested_rule = IF(requested_rule = :requested, NULL, requested_rule)
                        WHERE audience_id = :audience AND member_key = :key
                        """)
                .param("rule", applied == null ? null : applied.name()).param("synced", synced)
                .param("requested", request.requestedRule())
                .param("audience", request.audienceId()).param("key", request.memberKey())
                .update();
        if (applied == null) {
            jdbc.sql("""
                            DELETE FROM audience_override
                            WHERE audience_id = :audience AND member_key = :key AND requested_rule IS NULL
                            """)
                    .param("audience", request.audienceId()).param("key", request.memberKey())
                    .update();
        }
    }

    /** What the source's membership now holds, for the overridden ids a sync just sent. */
    void saveSynced(long audienceId, List<Applied> changed) {
        batches.batchUpdate("UPDATE audience_override SET synced = ? WHERE audience_id = ? AND member_key = ?",
                changed, changed.size(), (statement, each) -> {
                    statement.setBoolean(1, each.synced());
                    statement.setLong(2, audienceId);
                    statement.setLong(3, each.memberKey());
                });
    }

    /** An erased visitor leaves every audience's lists. */
    int forget(long memberKey) {
        return jdbc.sql("DELETE FROM audience_override WHERE member_key = :key").param("key", memberKey).update();
    }

    void audit(long audienceId, String action, int idCount, Long memberKey, String actor, Instant at) {
        jdbc.sql("""
                        INSERT INTO audience_override_audit (audience_id, action, id_count, member_key, actor, at)
                        VALUES (:audience, :action, :count, :key, :actor, :at)
                        """)
                .param("audience", audienceId).param("action", action).param("count", idCount)
                .param("key", memberKey).param("actor", actor).param("at", at)
                .update();
    }

    List<OverrideAuditEntry> audit(long audienceId, int offset, int limit) {
        return jdbc.sql("""
                        SELECT audience_id, action, id_count, member_key, actor, at FROM audience_override_audit
                        WHERE audience_id = :audience ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset
                        """)
                .param("audience", audienceId).param("limit", limit).param("offset", offset)
                .query(OverrideAuditEntry.class).list();
    }
}
