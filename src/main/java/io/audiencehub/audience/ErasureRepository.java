package io.audiencehub.audience;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ErasureRepository {

    private static final String COLUMNS = """
            member_key, erased_by, erased_at, applied_at, memberships_removed, lift_requested_by, lift_requested_at
            """;

    private final JdbcClient jdbc;

    ErasureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Suppresses the key again when it was already (a new erasure of an erased visitor is applied again). */
    void suppress(long memberKey, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO audience_suppression (member_key, erased_by, erased_at) VALUES (:key, :by, :at)
                        ON DUPLICATE KEY UPDATE erased_by = VALUES(erased_by), erased_at = VALUES(erased_at),
                                                applied_at = NULL, memberships_removed = NULL,
                                                lift_requested_by = NULL, lift_requested_at = NULL
                        """)
                .param("key", memberKey).param("by", by).param("at", at)
                .update();
    }

    boolean requestLift(long memberKey, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE audience_suppression SET lift_requested_by = :by, lift_requested_at = :at
                        WHERE member_key = :key AND lift_requested_at IS NULL
                        """)
                .param("key", memberKey).param("by", by).param("at", at)
                .update() == 1;
    }

    void audit(long memberKey, String action, String actor, Instant at) {
        jdbc.sql("INSERT INTO audience_erasure_audit (member_key, action, actor, at) VALUES (:key, :action, :actor, :at)")
                .param("key", memberKey).param("action", action).param("actor", actor).param("at", at)
                .update();
    }

    /** The requests the writer has yet to carry out: erasures not applied, and lifts. */
    List<Suppression> pending() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audience_suppression"
                        + " WHERE applied_at IS NULL OR lift_requested_at IS NOT NULL")
                .query(Suppression.class).list();
    }

    List<Long> suppressedKeys() {
        return jdbc.sql("SELECT member_key FROM audience_suppression").query(Long.class).list();
    }

    void markApplied(long memberKey, Instant at, int membershipsRemoved) {
        jdbc.sql("UPDATE audience_suppression SET applied_at = :at, memberships_removed = :removed WHERE member_key = :key")
                .param("key", memberKey).param("at", at).param("removed", membershipsRemoved)
                .update();
    }

    void delete(long memberKey) {
        jdbc.sql("DELETE FROM audience_suppression WHERE member_key = :key").param("key", memberKey).update();
    }

    Optional<Suppression> find(long memberKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audience_suppression WHERE member_key = :key")
                .param("key", memberKey)
                .query(Suppression.class).optional();
    }

    List<Suppression> suppressions(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audience_suppression ORDER BY erased_at DESC, member_key"
                        + " LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset)
                .query(Suppression.class).list();
    }

    int countSuppressions() {
        return jdbc.sql("SELECT COUNT(*) FROM audience_suppression").query(Integer.class).single();
    }

    List<ErasureAuditEntry> audit(int offset, int limit) {
        return jdbc.sql("""
                        SELECT member_key, action, actor, at FROM audience_erasure_audit
                        ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset
                        """)
                .param("limit", limit).param("offset", offset)
                .query(ErasureAuditEntry.class).list();
    }
}
