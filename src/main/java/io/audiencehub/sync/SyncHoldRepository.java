package io.audiencehub.sync;

import io.audiencehub.sync.HeldRun.Status;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The guard on sudden audience changes: each connector's thresholds, the runs it held, and its audit. */
@Repository
class SyncHoldRepository {

    private static final String HOLD_COLUMNS = """
            id, connector_id, audience_key, audience_name, sync_task_id, members_before, added, removed, reason,
            sample_added, sample_removed, held_at, status, decided_by, decided_at
            """;
    /** Ids in a stored sample are one per line: an id holds no line break (the page readers refuse them). */
    private static final String SAMPLE_SEPARATOR = "\n";

    private record StoredHold(long id, long connectorId, String audienceKey, String audienceName, String syncTaskId,
                              long membersBefore, long added, long removed, String reason, String sampleAdded,
                              String sampleRemoved, Instant heldAt, Status status, String decidedBy,
                              Instant decidedAt) {

        HeldRun toHeldRun() {
            return new HeldRun(id, connectorId, audienceKey, audienceName, syncTaskId, membersBefore, added, removed,
                    reason, ids(sampleAdded), ids(sampleRemoved), heldAt, status, decidedBy, decidedAt);
        }

        private static List<String> ids(String sample) {
            return sample == null || sample.isEmpty() ? List.of() : Arrays.asList(sample.split(SAMPLE_SEPARATOR));
        }
    }

    private record StoredGuard(boolean enabled, int maxRemovedPercent, int maxGrowthFactor) {
    }

    private final JdbcClient jdbc;

    SyncHoldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SyncGuard> guard(long connectorId) {
        return jdbc.sql("""
                        SELECT enabled, max_removed_percent, max_growth_factor FROM sync_guard
                        WHERE connector_id = :connectorId
                        """)
                .param("connectorId", connectorId)
                .query(StoredGuard.class).optional()
                .map(stored -> new SyncGuard(stored.enabled(), stored.maxRemovedPercent(), stored.maxGrowthFactor()));
    }

    void saveGuard(long connectorId, SyncGuard guard, String by, Instant now) {
        jdbc.sql("""
                        INSERT INTO sync_guard (connector_id, enabled, max_removed_percent, max_growth_factor,
                                                updated_by, updated_at)
                        VALUES (:connectorId, :enabled, :removed, :growth, :by, :now)
                        ON DUPLICATE KEY UPDATE enabled = VALUES(enabled),
                            max_removed_percent = VALUES(max_removed_percent),
                            max_growth_factor = VALUES(max_growth_factor), updated_by = VALUES(updated_by),
                            updated_at = VALUES(updated_at)
                        """)
                .param("connectorId", connectorId)
                .param("enabled", guard.enabled())
                .param("removed", guard.maxRemovedPercent())
                .param("growth", guard.maxGrowthFactor())
                .param("by", by)
                .param("now", now)
                .update();
    }

    void audit(long connectorId, String what, String by, Instant now) {
        jdbc.sql("INSERT INTO sync_guard_audit (connector_id, what, by_whom, at) VALUES (:connectorId, :what, :by, :now)")
                .param("connectorId", connectorId)
                .param("what", what.length() > 500 ? what.substring(0, 500) : what)
                .param("by", by)
                .param("now", now)
                .update();
    }

    /** The connector's guard audit, the latest first. */
    List<SyncGuardService.AuditEntry> auditOf(long connectorId, int limit) {
        return jdbc.sql("""
                        SELECT what, by_whom AS `by`, at FROM sync_guard_audit WHERE connector_id = :connectorId
                        ORDER BY id DESC LIMIT :limit
                        """)
                .param("connectorId", connectorId)
                .param("limit", limit)
                .query(SyncGuardService.AuditEntry.class).list();
    }

    long insertHold(HeldRun run) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO sync_hold (connector_id, audience_key, audience_name, sync_task_id, members_before,
                                               added, removed, reason, sample_added, sample_removed, held_at, status)
                        VALUES (:connectorId, :audienceKey, :audienceName, :task, :before, :added, :removed, :reason,
                                :sampleAdded, :sampleRemoved, :heldAt, 'HELD')
                        """)
                .param("connectorId", run.connectorId())
                .param("audienceKey", run.audienceKey())
                .param("audienceName", run.audience())
                .param("task", run.syncTaskId())
                .param("before", run.membersBefore())
                .param("added", run.added())
                .param("removed", run.removed())
                .param("reason", run.reason().length() > 500 ? run.reason().substring(0, 500) : run.reason())
                .param("sampleAdded", String.join(SAMPLE_SEPARATOR, run.sampleAdded()))
                .param("sampleRemoved", String.join(SAMPLE_SEPARATOR, run.sampleRemoved()))
                .param("heldAt", run.heldAt())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The latest decision on a held run of the sync task, if the guard held it. */
    Optional<HeldRun> holdOfTask(long connectorId, String syncTaskId) {
        return jdbc.sql("SELECT " + HOLD_COLUMNS + """
                         FROM sync_hold WHERE connector_id = :connectorId AND sync_task_id = :task
                        ORDER BY id DESC LIMIT 1
                        """)
                .param("connectorId", connectorId)
                .param("task", syncTaskId)
                .query(StoredHold.class).optional().map(StoredHold::toHeldRun);
    }

    Optional<HeldRun> find(long holdId) {
        return jdbc.sql("SELECT " + HOLD_COLUMNS + " FROM sync_hold WHERE id = :id").param("id", holdId)
                .query(StoredHold.class).optional().map(StoredHold::toHeldRun);
    }

    /** Moves the hold from {@code from} to {@code to} only if it is still in {@code from}: two admins cannot race. */
    int decide(long holdId, Status from, Status to, String by, Instant now) {
        return jdbc.sql("""
                        UPDATE sync_hold SET status = :to, decided_by = COALESCE(:by, decided_by),
                                             decided_at = COALESCE(:now, decided_at)
                        WHERE id = :id AND status = :from
                        """)
                .param("id", holdId)
                .param("from", from.name())
                .param("to", to.name())
                .param("by", by)
                .param("now", now)
                .update();
    }

    /** The connector's held runs, the latest first: those waiting and those decided. */
    List<HeldRun> holdsOf(long connectorId, int limit) {
        return jdbc.sql("SELECT " + HOLD_COLUMNS + " FROM sync_hold WHERE connector_id = :connectorId"
                        + " ORDER BY id DESC LIMIT :limit")
                .param("connectorId", connectorId)
                .param("limit", limit)
                .query(StoredHold.class).list().stream().map(StoredHold::toHeldRun).toList();
    }

    /** Every run waiting for an admin, oldest first. */
    List<HeldRun> waiting() {
        return jdbc.sql("SELECT " + HOLD_COLUMNS + " FROM sync_hold WHERE status = 'HELD' ORDER BY id")
                .query(StoredHold.class).list().stream().map(StoredHold::toHeldRun).toList();
    }

    /** Takes an erased id out of every held run's sample. */
    int scrub(String erasedId) {
        List<StoredHold> holding = jdbc.sql("SELECT " + HOLD_COLUMNS + """
                         FROM sync_hold WHERE CONCAT('\n', sample_added, '\n') LIKE :like
                            OR CONCAT('\n', sample_removed, '\n') LIKE :like
                        """)
                .param("like", "%\n" + erasedId.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                        + "\n%")
                .query(StoredHold.class).list();
        for (StoredHold hold : holding) {
            jdbc.sql("UPDATE sync_hold SET sample_added = :added, sample_removed = :removed WHERE id = :id")
                    .param("id", hold.id())
                    .param("added", without(hold.sampleAdded(), erasedId))
                    .param("removed", without(hold.sampleRemoved(), erasedId))
                    .update();
        }
        return holding.size();
    }

    private static String without(String sample, String erasedId) {
        return String.join(SAMPLE_SEPARATOR, StoredHold.ids(sample).stream().filter(id -> !id.equals(erasedId)).toList());
    }
}
