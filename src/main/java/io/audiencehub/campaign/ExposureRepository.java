package io.audiencehub.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The visitors campaigns keep (sticky exposure), appended by every hub and followed by id. */
@Repository
class ExposureRepository {

    /** A visitor entering a campaign that keeps it, as a hub decided it. */
    record Entered(long campaignId, long visitorKey, String variationKey, Instant at) {
    }

    /** A kept visitor decided outside the campaign's segments ({@code leftAt}), or back inside (null). */
    record Moved(long campaignId, long visitorKey, Instant leftAt) {
    }

    /** A stored exposure, as a hub follows them. */
    record StoredExposure(long id, long campaignId, long visitorKey, String variationKey, Instant leftAt) {
    }

    /** A visitor's exposure, as the visitor inspector shows it. */
    record VisitorExposure(long campaignId, String variationKey, Instant enteredAt, Instant leftAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ExposureRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * Stores the exposures; IGNORE: the first hub to store a visitor's exposure wins (another hub's is the same,
     * or came after a change of variations and is the later one), and a campaign deleted meanwhile takes none.
     */
    void insert(List<Entered> entered) {
        batches.batchUpdate("""
                        INSERT IGNORE INTO campaign_exposure (campaign_id, visitor_key, variation_key, entered_at)
                        VALUES (?, ?, ?, ?)
                        """, entered, entered.size(), (statement, each) -> {
                    statement.setLong(1, each.campaignId());
                    statement.setLong(2, each.visitorKey());
                    statement.setString(3, each.variationKey());
                    statement.setTimestamp(4, Timestamp.from(each.at()));
                });
    }

    void move(List<Moved> moved) {
        batches.batchUpdate("UPDATE campaign_exposure SET left_at = ? WHERE campaign_id = ? AND visitor_key = ?",
                moved, moved.size(), (statement, each) -> {
                    statement.setTimestamp(1, each.leftAt() == null ? null : Timestamp.from(each.leftAt()));
                    statement.setLong(2, each.campaignId());
                    statement.setLong(3, each.visitorKey());
                });
    }

    /** The exposures stored after {@code afterId}, in order, of campaigns that still keep their visitors. */
    List<StoredExposure> after(long afterId, int limit) {
        return jdbc.sql("""
                        SELECT e.id, e.campaign_id, e.visitor_key, e.variation_key, e.left_at
                        FROM campaign_exposure e JOIN campaign c ON c.id = e.campaign_id
                        WHERE e.id > :after AND c.keep_visitors AND c.status IN ('RUNNING', 'PAUSED')
                        ORDER BY e.id LIMIT :limit
                        """)
                .param("after", afterId)
                .param("limit", limit)
                .query(StoredExposure.class).list();
    }

    /** The campaigns whose exposures are kept: those that keep their visitors and have not ended. */
    List<Long> keepingCampaigns() {
        return jdbc.sql("""
                        SELECT id FROM campaign WHERE keep_visitors AND status IN ('RUNNING', 'PAUSED')
                        """)
                .query(Long.class).list();
    }

    /** How many of each campaign's kept visitors were last decided outside its segments. */
    List<CampaignCount> outsideSegments(Collection<Long> campaignIds) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT campaign_id, COUNT(*) AS visitors FROM campaign_exposure
                        WHERE campaign_id IN (:ids) AND left_at IS NOT NULL GROUP BY campaign_id
                        """)
                .param("ids", campaignIds)
                .query(CampaignCount.class).list();
    }

    record CampaignCount(long campaignId, long visitors) {
    }

    List<VisitorExposure> ofVisitor(long visitorKey) {
        return jdbc.sql("""
                        SELECT campaign_id, variation_key, entered_at, left_at FROM campaign_exposure
                        WHERE visitor_key = :key ORDER BY entered_at
                        """)
                .param("key", visitorKey)
                .query(VisitorExposure.class).list();
    }

    /** Deletes the visitor's exposures and tells every hub to forget them. */
    void forget(long visitorKey, Instant at) {
        jdbc.sql("DELETE FROM campaign_exposure WHERE visitor_key = :key").param("key", visitorKey).update();
        jdbc.sql("INSERT INTO campaign_exposure_erased (visitor_key, erased_at) VALUES (:key, :at)")
                .param("key", visitorKey)
                .param("at", at)
                .update();
    }

    record Erased(long id, long visitorKey) {
    }

    /** The erased visitors after {@code afterId}, in order. */
    List<Erased> erasedAfter(long afterId) {
        return jdbc.sql("SELECT id, visitor_key FROM campaign_exposure_erased WHERE id > :after ORDER BY id")
                .param("after", afterId)
                .query(Erased.class).list();
    }

    /** The last erasure stored: a hub that starts forgets nothing before it, as it loads no exposure erased. */
    long lastErased() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM campaign_exposure_erased").query(Long.class).single();
    }
}
