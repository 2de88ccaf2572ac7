package io.audiencehub.sandbox.mixpanel;

import io.audiencehub.sandbox.mixpanel.SandboxMixpanelProject.Member;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each cohort's export: its connection, schedule and pause, the snapshot diffs are made from, and the delivery log. */
@Repository
@Profile("sandbox")
class SandboxMixpanelSyncs {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    SandboxMixpanelSyncs(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    Optional<MixpanelCohortSync> sync(long cohortId) {
        return jdbc.sql("SELECT * FROM sandbox_mixpanel_sync WHERE cohort_id = :id").param("id", cohortId)
                .query(MixpanelCohortSync.class).optional();
    }

    /** Exports the cohort to the connection; a change of connection starts over with a full sync. */
    void export(long cohortId, long connectionId) {
        int changed = jdbc.sql("""
                        UPDATE sandbox_mixpanel_sync SET connection_id = :connection, snapshot_at = NULL, paused = FALSE
                        WHERE cohort_id = :id AND connection_id <> :connection
                        """)
                .param("id", cohortId).param("connection", connectionId).update();
        if (changed == 1) {
            jdbc.sql("DELETE FROM sandbox_mixpanel_snapshot_member WHERE cohort_id = :id").param("id", cohortId).update();
        }
        jdbc.sql("INSERT IGNORE INTO sandbox_mixpanel_sync (cohort_id, connection_id) VALUES (:id, :connection)")
                .param("id", cohortId).param("connection", connectionId).update();
    }

    void setRecurring(long cohortId, boolean recurring, Instant nextSyncAt) {
        jdbc.sql("UPDATE sandbox_mixpanel_sync SET recurring = :recurring, next_sync_at = :next WHERE cohort_id = :id")
                .param("id", cohortId).param("recurring", recurring).param("next", nextSyncAt).update();
    }

    void setPaused(long cohortId, boolean paused) {
        jdbc.sql("UPDATE sandbox_mixpanel_sync SET paused = :paused WHERE cohort_id = :id")
                .param("id", cohortId).param("paused", paused).update();
    }

    List<Long> dueRecurringSyncs(Instant now) {
        return jdbc.sql("""
                        SELECT cohort_id FROM sandbox_mixpanel_sync
                        WHERE recurring AND NOT paused AND next_sync_at <= :now
                        """)
                .param("now", now).query(Long.class).list();
    }

    /** Claims a due sync for this hub by moving its next sync to {@code claimedUntil}; false when another hub did. */
    boolean claimDue(long cohortId, Instant now, Instant claimedUntil) {
        return jdbc.sql("""
                        UPDATE sandbox_mixpanel_sync SET next_sync_at = :claimedUntil
                        WHERE cohort_id = :id AND recurring AND NOT paused AND next_sync_at <= :now
                        """)
                .param("id", cohortId).param("now", now).param("claimedUntil", claimedUntil).update() == 1;
    }

    List<Member> snapshot(long cohortId) {
        return jdbc.sql("""
                        SELECT distinct_id, email, exported FROM sandbox_mixpanel_snapshot_member
                        WHERE cohort_id = :id ORDER BY distinct_id
                        """)
                .param("id", cohortId).query(Member.class).list();
    }

    /** The receiver now holds {@code members}: the base of the next diff, as of {@code at}. */
    void replaceSnapshot(long cohortId, List<Member> members, Instant at) {
        jdbc.sql("DELETE FROM sandbox_mixpanel_snapshot_member WHERE cohort_id = :id").param("id", cohortId).update();
        batches.batchUpdate("""
                        INSERT INTO sandbox_mixpanel_snapshot_member (cohort_id, distinct_id, email, exported)
                        VALUES (?, ?, ?, ?)
                        """, members, 1_000, (statement, member) -> {
                    statement.setLong(1, cohortId);
                    statement.setString(2, member.distinctId());
                    statement.setString(3, member.email());
                    statement.setString(4, member.exported());
                });
        jdbc.sql("UPDATE sandbox_mixpanel_sync SET snapshot_at = :at WHERE cohort_id = :id")
                .param("id", cohortId).param("at", at).update();
    }

    void recordResult(long cohortId, Instant at, String result, Instant nextRecurringSync) {
        jdbc.sql("""
                        UPDATE sandbox_mixpanel_sync SET last_sync_at = :at, last_result = :result,
                            next_sync_at = CASE WHEN recurring THEN :next ELSE next_sync_at END
                        WHERE cohort_id = :id
                        """)
                .param("id", cohortId).param("at", at).param("result", result).param("next", nextRecurringSync)
                .update();
    }

    void insertDelivery(long cohortId, String sessionId, String action, int pageCount, int totalPages, int members,
                        int attempt, Integer status, String outcome, Instant at) {
        jdbc.sql("""
                        INSERT INTO sandbox_mixpanel_delivery (cohort_id, session_id, action, page_count, total_pages,
                            members, attempt, status, outcome, at)
                        VALUES (:cohort, :session, :action, :page, :pages, :members, :attempt, :status, :outcome, :at)
                        """)
                .param("cohort", cohortId).param("session", sessionId).param("action", action).param("page", pageCount)
                .param("pages", totalPages).param("members", members).param("attempt", attempt).param("status", status)
                .param("outcome", outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome).param("at", at)
                .update();
    }

    /** The delivery log, newest first. */
    List<MixpanelDeliveryAttempt> deliveries(long cohortId, int offset, int limit) {
        return jdbc.sql("""
                        SELECT * FROM sandbox_mixpanel_delivery WHERE cohort_id = :id
                        ORDER BY id DESC LIMIT :limit OFFSET :offset
                        """)
                .param("id", cohortId).param("limit", limit).param("offset", offset)
                .query(MixpanelDeliveryAttempt.class).list();
    }
}
