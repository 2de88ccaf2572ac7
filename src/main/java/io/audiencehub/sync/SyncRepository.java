package io.audiencehub.sync;

import io.audiencehub.audience.AppliedChange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class SyncRepository {

    private static final String RUN_COLUMNS = """
            id, connector_id, sync_task_id, audience_key, total_pages, pages_received, pages_applied, added, removed,
            ignored_adds, ignored_removes, unidentified, members_after, matched_after, started_at, last_page_at,
            completed_at, last_error
            """;

    record PendingPage(long id, long connectorId, String syncTaskId, String audienceKey, String audienceName,
                       int totalPages, int addCount, byte[] memberKeys, boolean replacesMembers) {

        /** A page of a replacing sync of several pages: applied with the others once every one arrived. */
        boolean replacesTogether() {
            return replacesMembers && totalPages > 1;
        }
    }

    /** The audience a page belongs to: its connector and the source's key. */
    record AudienceOfPage(long connectorId, String audienceKey) {
    }

    record LastDeliveries(long connectorId, Instant lastPageAt, Instant lastRejectionAt, Instant lastPageErrorAt,
                          long repeatedSyncs) {
    }

    private final JdbcClient jdbc;

    SyncRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a page once; empty when this (connector, sync task, page) was stored before. */
    Optional<Long> insertPage(long connectorId, SyncPage page, byte[] memberKeys, Instant now) {
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            INSERT INTO sync_page (connector_id, sync_task_id, page_number, total_pages, audience_key,
                                                   audience_name, add_count, remove_count, member_keys, replaces_members,
                                                   received_at)
                            VALUES (:connectorId, :syncTaskId, :pageNumber, :totalPages, :audienceKey,
                                    :audienceName, :addCount, :removeCount, :memberKeys, :replacesMembers, :now)
                            """)
                    .param("connectorId", connectorId)
                    .param("syncTaskId", page.syncTaskId())
                    .param("pageNumber", page.pageNumber())
                    .param("totalPages", page.totalPages())
                    .param("audienceKey", page.audienceKey())
                    .param("audienceName", page.audienceName())
                    .param("addCount", page.add().size())
                    .param("removeCount", page.remove().size())
                    .param("memberKeys", memberKeys)
                    .param("replacesMembers", page.replacesMembers())
                    .param("now", now)
                    .update(keys, "id");
        } catch (DuplicateKeyException alreadyStored) {
            return Optional.empty();
        }
        return Optional.of(keys.getKeyAs(Number.class).longValue());
    }

    /** The key of the audience a sync task belongs to, once one of its pages was stored. */
    Optional<String> audienceOfRun(long connectorId, String syncTaskId) {
        return jdbc.sql("SELECT audience_key FROM sync_run WHERE connector_id = :connectorId AND sync_task_id = :task")
                .param("connectorId", connectorId)
                .param("task", syncTaskId)
                .query(String.class).optional();
    }

    void countReceived(long connectorId, SyncPage page, Instant now) {
        jdbc.sql("""
                        INSERT INTO sync_run (connector_id, sync_task_id, audience_key, total_pages, pages_received,
                                              unidentified, started_at, last_page_at)
                        VALUES (:connectorId, :syncTaskId, :audienceKey, :totalPages, 1, :unidentified, :now, :now)
                        ON DUPLICATE KEY UPDATE pages_received = pages_received + 1,
                                                total_pages = GREATEST(total_pages, VALUES(total_pages)),
                                                unidentified = unidentified + VALUES(unidentified),
                                                last_page_at = VALUES(last_page_at)
                        """)
                .param("connectorId", connectorId)
                .param("syncTaskId", page.syncTaskId())
                .param("audienceKey", page.audienceKey())
                .param("totalPages", page.totalPages())
                .param("unidentified", page.unidentified())
                .param("now", now)
                .update();
    }

    /**
     * The oldest pages waiting to be applied, in arrival order, leaving out the audiences in
     * {@code heldBack} so that an audience whose page keeps failing never hides the pages of others.
     */
    List<PendingPage> pending(int limit, Collection<AudienceOfPage> heldBack) {
        String skip = heldBack.isEmpty() ? "" : " AND (connector_id, audience_key) NOT IN (:heldBack)";
        JdbcClient.StatementSpec query = jdbc.sql("""
                        SELECT id, connector_id, sync_task_id, audience_key, audience_name, total_pages, add_count,
                               member_keys, replaces_members
                        FROM sync_page p WHERE applied_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM sync_hold h WHERE h.connector_id = p.connector_id
                                          AND h.audience_key = p.audience_key AND h.status = 'HELD')""" + skip
                        + " ORDER BY id LIMIT :limit")
                .param("limit", limit);
        if (!heldBack.isEmpty()) {
            query = query.param("heldBack", heldBack.stream()
                    .map(audience -> new Object[] {audience.connectorId(), audience.audienceKey()}).toList());
        }
        return query.query(PendingPage.class).list();
    }

    /** What the run's pages applied so far brought in and left out. */
    record RunCounts(long added, long removed) {

        static final RunCounts NONE = new RunCounts(0, 0);
    }

    RunCounts runCounts(long connectorId, String syncTaskId) {
        return jdbc.sql("SELECT added, removed FROM sync_run WHERE connector_id = :connectorId AND sync_task_id = :task")
                .param("connectorId", connectorId)
                .param("task", syncTaskId)
                .query(RunCounts.class).optional().orElse(RunCounts.NONE);
    }

    /** The pages of a sync task still to apply, in page order. */
    List<PendingPage> pendingOfTask(long connectorId, String syncTaskId) {
        return jdbc.sql("""
                        SELECT id, connector_id, sync_task_id, audience_key, audience_name, total_pages, add_count,
                               member_keys, replaces_members
                        FROM sync_page WHERE connector_id = :connectorId AND sync_task_id = :task AND applied_at IS NULL
                        ORDER BY page_number
                        """)
                .param("connectorId", connectorId)
                .param("task", syncTaskId)
                .query(PendingPage.class).list();
    }

    /** How many distinct pages of a sync task were stored. */
    int pagesReceived(long connectorId, String syncTaskId) {
        return jdbc.sql("SELECT pages_received FROM sync_run WHERE connector_id = :connectorId AND sync_task_id = :task")
                .param("connectorId", connectorId)
                .param("task", syncTaskId)
                .query(Integer.class).optional().orElse(0);
    }

    /** Whether a page of another sync task of the same audience arrived after {@code pageId}. */
    boolean laterTaskOfAudience(PendingPage page) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM sync_page
                                       WHERE connector_id = :connectorId AND audience_key = :audienceKey
                                         AND sync_task_id <> :task AND id > :id)
                        """)
                .param("connectorId", page.connectorId())
                .param("audienceKey", page.audienceKey())
                .param("task", page.syncTaskId())
                .param("id", page.id())
                .query(Boolean.class).single();
    }

    /**
     * Gives up a sync task's pages still to apply, and their ids: none of them changes the audience, and the run
     * says why.
     */
    void discardPending(long connectorId, String syncTaskId, String reason, Instant now) {
        jdbc.sql("""
                        DELETE i FROM sync_page_ids i JOIN sync_page p ON p.id = i.page_id
                        WHERE p.connector_id = :connectorId AND p.sync_task_id = :task AND p.applied_at IS NULL
                        """)
                .param("connectorId", connectorId)
                .param("task", syncTaskId)
                .update();
        jdbc.sql("""
                        UPDATE sync_page SET applied_at = :now, member_keys = NULL, last_error = :reason
                        WHERE connector_id = :connectorId AND sync_task_id = :task AND applied_at IS NULL
                        """)
                .param("connectorId", connectorId)
                .param("task", syncTaskId)
                .param("reason", reason)
                .param("now", now)
                .update();
        jdbc.sql("UPDATE sync_run SET last_error = :reason WHERE connector_id = :connectorId AND sync_task_id = :task")
                .param("connectorId", connectorId)
                .param("task", syncTaskId)
                .param("reason", reason)
                .update();
    }

    /** Marks a page applied with what it changed (null for none, or when a page applied with it carries it). */
    void markApplied(long pageId, byte[] enteredMembers, byte[] leftMembers, Instant now) {
        jdbc.sql("""
                        UPDATE sync_page SET applied_at = :now, member_keys = NULL, last_error = NULL,
                                             entered_members = :entered, left_members = :left
                        WHERE id = :id
                        """)
                .param("id", pageId)
                .param("entered", enteredMembers)
                .param("left", leftMembers)
                .param("now", now)
                .update();
    }

    void insertPageIds(long pageId, List<byte[]> parts) {
        for (int part = 0; part < parts.size(); part++) {
            jdbc.sql("INSERT INTO sync_page_ids (page_id, part, ids) VALUES (:pageId, :part, :ids)")
                    .param("pageId", pageId)
                    .param("part", part)
                    .param("ids", parts.get(part))
                    .update();
        }
    }

    /** A page's ids; none when they were not kept. */
    PageIds pageIds(long pageId) {
        return PageIds.decode(jdbc.sql("SELECT ids FROM sync_page_ids WHERE page_id = :pageId ORDER BY part")
                .param("pageId", pageId)
                .query(byte[].class).list());
    }

    /** Keeps only {@code ids} of the page's. */
    void replacePageIds(long pageId, PageIds ids) {
        jdbc.sql("DELETE FROM sync_page_ids WHERE page_id = :pageId").param("pageId", pageId).update();
        insertPageIds(pageId, ids.encode());
    }

    /** An erasure whose member's ids are still to be removed from the pages that kept them. */
    record ScrubRequest(long id, byte[] member) {
    }

    void requestScrub(byte[] member, Instant now) {
        jdbc.sql("INSERT INTO sync_id_scrub (member, requested_at) VALUES (:member, :now)")
                .param("member", member)
                .param("now", now)
                .update();
    }

    List<ScrubRequest> scrubRequests() {
        return jdbc.sql("SELECT id, member FROM sync_id_scrub ORDER BY id").query(ScrubRequest.class).list();
    }

    void deleteScrubRequests(List<Long> ids) {
        jdbc.sql("DELETE FROM sync_id_scrub WHERE id IN (:ids)").param("ids", ids).update();
    }

    /** Applied pages that changed members, from {@code afterPageId} on, in page order, {@code limit} of them. */
    List<AppliedPage> changingPagesAfter(long afterPageId, int limit) {
        return jdbc.sql("SELECT " + APPLIED_PAGE_COLUMNS + """
                        FROM sync_page WHERE id > :after AND (entered_members IS NOT NULL OR left_members IS NOT NULL)
                        ORDER BY id LIMIT :limit
                        """)
                .param("after", afterPageId)
                .param("limit", limit)
                .query(AppliedPage.class).list();
    }

    /** An applied page with what it changed; {@code entered} and {@code left} are null when it changed nothing. */
    record AppliedPage(long id, String syncTaskId, boolean replacesMembers, Instant appliedAt, byte[] entered,
                       byte[] left) {
    }

    private static final String APPLIED_PAGE_COLUMNS = """
            id, sync_task_id, replaces_members, applied_at, entered_members AS entered, left_members AS `left`
            """;

    /** A run's applied pages, in page order. */
    List<AppliedPage> appliedPages(long connectorId, String syncTaskId) {
        return jdbc.sql("SELECT " + APPLIED_PAGE_COLUMNS + """
                        FROM sync_page WHERE connector_id = :connectorId AND sync_task_id = :task
                          AND applied_at IS NOT NULL
                        ORDER BY page_number
                        """)
                .param("connectorId", connectorId)
                .param("task", syncTaskId)
                .query(AppliedPage.class).list();
    }

    /** The audience's applied pages before {@code beforePageId}, the latest first, {@code limit} of them. */
    List<AppliedPage> appliedPagesBefore(long connectorId, String audienceKey, long beforePageId, int limit) {
        return jdbc.sql("SELECT " + APPLIED_PAGE_COLUMNS + """
                        FROM sync_page WHERE connector_id = :connectorId AND audience_key = :audienceKey
                          AND id < :before AND applied_at IS NOT NULL
                        ORDER BY id DESC LIMIT :limit
                        """)
                .param("connectorId", connectorId)
                .param("audienceKey", audienceKey)
                .param("before", beforePageId)
                .param("limit", limit)
                .query(AppliedPage.class).list();
    }

    /** A page that left members out of an audience, applied since a moment. */
    record Departure(long connectorId, String audienceKey, String syncTaskId, Instant appliedAt, byte[] left) {
    }

    /** The pages that left members out since {@code since}, the latest first, {@code limit} of them. */
    List<Departure> departuresSince(Instant since, int limit) {
        return jdbc.sql("""
                        SELECT connector_id, audience_key, sync_task_id, applied_at, left_members AS `left`
                        FROM sync_page WHERE applied_at >= :since AND left_members IS NOT NULL
                        ORDER BY applied_at DESC, id DESC LIMIT :limit
                        """)
                .param("since", since)
                .param("limit", limit)
                .query(Departure.class).list();
    }

    /**
     * The audiences whose members changed in runs since {@code since}: their members after the latest run,
     * and after the latest run before {@code since} (null when there was none).
     */
    List<AudienceMove> movesSince(Instant since) {
        return jdbc.sql("""
                        SELECT k.connector_id, k.audience_key,
                            (SELECT b.members_after FROM sync_run b WHERE b.connector_id = k.connector_id
                                AND b.audience_key = k.audience_key AND b.members_after IS NOT NULL
                                AND b.last_page_at < :since ORDER BY b.last_page_at DESC LIMIT 1) AS members_before,
                            (SELECT a.members_after FROM sync_run a WHERE a.connector_id = k.connector_id
                                AND a.audience_key = k.audience_key AND a.members_after IS NOT NULL
                                ORDER BY a.last_page_at DESC LIMIT 1) AS members_now
                        FROM (SELECT DISTINCT connector_id, audience_key FROM sync_run
                              WHERE last_page_at >= :since AND members_after IS NOT NULL) k
                        """)
                .param("since", since)
                .query(AudienceMove.class).list();
    }

    /** A run, as the history's retention deletes it with its pages. */
    record RunKey(long id, long connectorId, String syncTaskId) {
    }

    List<RunKey> runsWithLastPageBefore(Instant before, int limit) {
        return jdbc.sql("SELECT id, connector_id, sync_task_id FROM sync_run WHERE last_page_at < :before LIMIT :limit")
                .param("before", before).param("limit", limit)
                .query(RunKey.class).list();
    }

    /** Deletes the runs and their pages' record; returns how many runs. */
    int deleteRuns(List<RunKey> runs) {
        for (RunKey run : runs) {
            jdbc.sql("DELETE FROM sync_page WHERE connector_id = :connectorId AND sync_task_id = :task")
                    .param("connectorId", run.connectorId()).param("task", run.syncTaskId()).update();
        }
        return runs.isEmpty() ? 0 : jdbc.sql("DELETE FROM sync_run WHERE id IN (:ids)")
                .param("ids", runs.stream().map(RunKey::id).toList()).update();
    }

    /**
     * Adds an applied page to its run, with the audience's counts after it; the run completes when every
     * page is applied. {@code counted} false adds the page and the counts but none of the change's numbers
     * (a page applied together with others that carry them).
     */
    void countApplied(long connectorId, String syncTaskId, AppliedChange change, boolean counted, Instant now) {
        jdbc.sql("""
                        UPDATE sync_run
                        SET pages_applied = pages_applied + 1, added = added + :added, removed = removed + :removed,
                            ignored_adds = ignored_adds + :ignoredAdds,
                            ignored_removes = ignored_removes + :ignoredRemoves, last_error = NULL,
                            members_after = :membersAfter, matched_after = :matchedAfter,
                            completed_at = CASE WHEN pages_applied >= total_pages THEN :now END
                        WHERE connector_id = :connectorId AND sync_task_id = :syncTaskId
                        """)
                .param("connectorId", connectorId)
                .param("syncTaskId", syncTaskId)
                .param("added", counted ? change.added() : 0)
                .param("removed", counted ? change.removed() : 0)
                .param("ignoredAdds", counted ? change.ignoredAdds() : 0)
                .param("ignoredRemoves", counted ? change.ignoredRemoves() : 0)
                .param("membersAfter", change.memberCount())
                .param("matchedAfter", change.matchedCount())
                .param("now", now)
                .update();
    }

    void recordApplyFailure(long pageId, long connectorId, String syncTaskId, String error) {
        jdbc.sql("UPDATE sync_page SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                .param("id", pageId)
                .param("error", error)
                .update();
        jdbc.sql("UPDATE sync_run SET last_error = :error WHERE connector_id = :connectorId AND sync_task_id = :syncTaskId")
                .param("connectorId", connectorId)
                .param("syncTaskId", syncTaskId)
                .param("error", error)
                .update();
    }

    Optional<Boolean> applied(long pageId) {
        return jdbc.sql("SELECT applied_at IS NOT NULL FROM sync_page WHERE id = :id").param("id", pageId)
                .query(Boolean.class).optional();
    }

    /** Adds refusals to their minute's row: one row per connector (0: none named), status and minute. */
    void addRefusals(Collection<SyncRejection> refusals) {
        for (SyncRejection refusal : refusals) {
            jdbc.sql("""
                            INSERT INTO sync_refusal (minute, connector_key, status, refusals, first_at, last_at, id_token,
                                                      reason, client_address)
                            VALUES (:minute, :connectorKey, :status, :refusals, :firstAt, :lastAt, :idToken, :reason,
                                    :clientAddress)
                            ON DUPLICATE KEY UPDATE refusals = refusals + VALUES(refusals),
                                                    last_at = GREATEST(last_at, VALUES(last_at))
                            """)
                    .param("minute", refusal.firstAt().truncatedTo(ChronoUnit.MINUTES))
                    .param("connectorKey", refusal.connectorId() == null ? 0 : refusal.connectorId())
                    .param("status", refusal.status())
                    .param("refusals", refusal.refusals())
                    .param("firstAt", refusal.firstAt())
                    .param("lastAt", refusal.lastAt())
                    .param("idToken", refusal.idToken())
                    .param("reason", refusal.reason())
                    .param("clientAddress", refusal.clientAddress())
                    .update();
        }
    }

    int deleteRefusalsBefore(Instant before) {
        return jdbc.sql("DELETE FROM sync_refusal WHERE last_at < :before").param("before", before).update();
    }

    List<SyncRejection> refusals(Long connectorId, int offset, int limit) {
        return jdbc.sql("""
                        SELECT first_at, last_at, NULLIF(connector_key, 0) AS connector_id, id_token, status, reason,
                               refusals, client_address
                        FROM sync_refusal
                        WHERE connector_key = :connectorKey ORDER BY last_at DESC, id DESC LIMIT :limit OFFSET :offset
                        """)
                .param("connectorKey", connectorId == null ? 0 : connectorId)
                .param("limit", limit)
                .param("offset", offset)
                .query(SyncRejection.class).list();
    }

    List<SyncRun> runs(long connectorId, String audienceKey, int offset, int limit) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + """
                        FROM sync_run WHERE connector_id = :connectorId AND audience_key = :audienceKey
                        ORDER BY started_at DESC, id DESC LIMIT :limit OFFSET :offset
                        """)
                .param("connectorId", connectorId)
                .param("audienceKey", audienceKey)
                .param("limit", limit)
                .param("offset", offset)
                .query(SyncRun.class).list();
    }

    int countRuns(long connectorId, String audienceKey) {
        return jdbc.sql("SELECT COUNT(*) FROM sync_run WHERE connector_id = :connectorId AND audience_key = :audienceKey")
                .param("connectorId", connectorId)
                .param("audienceKey", audienceKey)
                .query(Integer.class).single();
    }

    Optional<SyncRun> run(long connectorId, String syncTaskId) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM sync_run WHERE connector_id = :connectorId AND sync_task_id = :task")
                .param("connectorId", connectorId)
                .param("task", syncTaskId)
                .query(SyncRun.class).optional();
    }

    /** Each connector's most recent run, for the connectors that have one; one query for them all. */
    List<SyncRun> latestRuns(Collection<Long> connectorIds) {
        if (connectorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + RUN_COLUMNS + """
                        FROM sync_run WHERE id IN (
                            SELECT (SELECT r.id FROM sync_run r WHERE r.connector_id = c.connector_id
                                    ORDER BY r.last_page_at DESC, r.id DESC LIMIT 1)
                            FROM (SELECT DISTINCT connector_id FROM sync_run WHERE connector_id IN (:ids)) c)
                        """)
                .param("ids", connectorIds)
                .query(SyncRun.class).list();
    }

    List<LastDeliveries> lastDeliveries(Collection<Long> connectorIds) {
        if (connectorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT c.connector_id,
                               (SELECT MAX(r.last_page_at) FROM sync_run r
                                WHERE r.connector_id = c.connector_id) AS last_page_at,
                               (SELECT MAX(j.last_at) FROM sync_refusal j
                                WHERE j.connector_key = c.connector_id) AS last_rejection_at,
                               (SELECT MAX(p.received_at) FROM sync_page p
                                WHERE p.connector_id = c.connector_id AND p.applied_at IS NULL AND p.last_error IS NOT NULL)
                                   AS last_page_error_at,
                               (SELECT COUNT(*) - COUNT(DISTINCT r.audience_key) FROM sync_run r
                                WHERE r.connector_id = c.connector_id) AS repeated_syncs
                        FROM (SELECT DISTINCT connector_id FROM sync_run WHERE connector_id IN (:ids)
                              UNION SELECT DISTINCT connector_key FROM sync_refusal WHERE connector_key IN (:ids)) c
                        """)
                .param("ids", connectorIds)
                .query(LastDeliveries.class).list();
    }
}
