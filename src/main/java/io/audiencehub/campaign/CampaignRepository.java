package io.audiencehub.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CampaignRepository {

    private static final String COLUMNS = """
            id, name, type, all_segments, traffic_percent, keep_visitors, variations, start_at, end_at, status, updated_by,
            updated_at
            """;

    record StoredCampaign(long id, String name, CampaignType type, boolean allSegments, int trafficPercent,
                          boolean keepVisitors, String variations, Instant startAt, Instant endAt, CampaignStatus status, String updatedBy,
                          Instant updatedAt) {
    }

    record SegmentTarget(long campaignId, long segmentId) {
    }

    record CampaignOfSegment(long segmentId, String campaignName, CampaignStatus status) {
    }

    record HourCount(long campaignId, String variationKey, Instant hour, long decisions) {
    }

    record DecisionCount(long campaignId, String variationKey, long decisions) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    CampaignRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    long insert(CampaignDraft draft, String variations, String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        withDraft(jdbc.sql("""
                        INSERT INTO campaign (name, type, all_segments, traffic_percent, keep_visitors, variations, start_at,
                                              end_at, status, created_by, created_at, updated_by, updated_at)
                        VALUES (:name, :type, :allSegments, :traffic, :keepVisitors, :variations, :startAt, :endAt,
                                'DRAFT',
                                :by, :now, :by, :now)
                        """), draft, variations, by, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int update(long id, CampaignDraft draft, String variations, String by, Instant now) {
        return withDraft(jdbc.sql("""
                        UPDATE campaign SET name = :name, type = :type, all_segments = :allSegments,
                                            traffic_percent = :traffic, keep_visitors = :keepVisitors,
                                            variations = :variations, start_at = :startAt,
                                            end_at = :endAt, updated_by = :by, updated_at = :now
                        WHERE id = :id
                        """), draft, variations, by, now)
                .param("id", id)
                .update();
    }

    private static JdbcClient.StatementSpec withDraft(JdbcClient.StatementSpec statement, CampaignDraft draft,
                                                      String variations, String by, Instant now) {
        return statement
                .param("name", draft.name().strip())
                .param("type", draft.type().name())
                .param("allSegments", draft.allSegments())
                .param("traffic", draft.trafficPercent())
                .param("keepVisitors", draft.keepVisitors())
                .param("variations", variations)
                .param("startAt", draft.startAt())
                .param("endAt", draft.endAt())
                .param("by", by)
                .param("now", now);
    }

    /** Moves the campaign to {@code next} only if it is still in {@code current}: two admins cannot race. */
    int changeStatus(long id, CampaignStatus current, CampaignStatus next, String by, Instant now) {
        return jdbc.sql("""
                        UPDATE campaign SET status = :next, updated_by = :by, updated_at = :now
                        WHERE id = :id AND status = :current
                        """)
                .param("id", id)
                .param("current", current.name())
                .param("next", next.name())
                .param("by", by)
                .param("now", now)
                .update();
    }

    /** Only a draft: one that ran keeps its row, and its decision counts, once ended. */
    int deleteDraft(long id) {
        return jdbc.sql("DELETE FROM campaign WHERE id = :id AND status = 'DRAFT'").param("id", id).update();
    }

    void replaceSegments(long campaignId, List<Long> segmentIds) {
        jdbc.sql("DELETE FROM campaign_segment WHERE campaign_id = :id").param("id", campaignId).update();
        batches.batchUpdate("INSERT INTO campaign_segment (campaign_id, segment_id, position) VALUES (?, ?, ?)",
                IntStream.range(0, segmentIds.size())
                        .mapToObj(position -> new Object[] {campaignId, segmentIds.get(position), position}).toList());
    }

    Optional<StoredCampaign> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE id = :id").param("id", id)
                .query(StoredCampaign.class).optional();
    }

    List<StoredCampaign> page(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign ORDER BY name LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(StoredCampaign.class).list();
    }

    List<StoredCampaign> withStatus(CampaignStatus status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE status = :status ORDER BY id")
                .param("status", status.name())
                .query(StoredCampaign.class).list();
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM campaign").query(Integer.class).single();
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign WHERE name = :name AND id <> :id")
                .param("name", name.strip())
                .param("id", exceptId)
                .query(Integer.class).single() > 0;
    }

    /** The segments each campaign targets, in the order they were given. */
    List<SegmentTarget> segmentsOf(Collection<Long> campaignIds) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT campaign_id, segment_id FROM campaign_segment WHERE campaign_id IN (:ids)
                        ORDER BY campaign_id, position
                        """)
                .param("ids", campaignIds)
                .query(SegmentTarget.class).list();
    }

    /** The campaigns that target each of the segments, by name. */
    List<CampaignOfSegment> campaignsOf(Collection<Long> segmentIds) {
        if (segmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT s.segment_id, c.name AS campaign_name, c.status
                        FROM campaign_segment s JOIN campaign c ON c.id = s.campaign_id
                        WHERE s.segment_id IN (:ids) ORDER BY c.name
                        """)
                .param("ids", segmentIds)
                .query(CampaignOfSegment.class).list();
    }

    /** Adds the decisions to the minute's rows; several hubs add to the same rows. */
    void addDecisions(Instant minute, List<DecisionCount> counts) {
        Timestamp at = Timestamp.from(minute);
        batches.batchUpdate("""
                        INSERT INTO campaign_decision_count (campaign_id, variation_key, minute, decisions)
                        VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE decisions = decisions + VALUES(decisions)
                        """, counts, counts.size(), (statement, count) -> {
                    statement.setLong(1, count.campaignId());
                    statement.setString(2, count.variationKey());
                    statement.setTimestamp(3, at);
                    statement.setLong(4, count.decisions());
                });
    }

    /** The decisions of each campaign's variations per hour since {@code since}, as every hub wrote them. */
    List<HourCount> decisionsPerHourSince(Collection<Long> campaignIds, Instant since) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT campaign_id, variation_key,
                            TIMESTAMPADD(HOUR, TIMESTAMPDIFF(HOUR, '2000-01-01', minute), '2000-01-01') AS hour,
                            SUM(decisions) AS decisions
                        FROM campaign_decision_count
                        WHERE campaign_id IN (:ids) AND minute >= :since GROUP BY campaign_id, variation_key, hour
                        """)
                .param("ids", campaignIds)
                .param("since", since)
                .query(HourCount.class).list();
    }

    List<DecisionCount> decisionsSince(Collection<Long> campaignIds, Instant since) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT campaign_id, variation_key, SUM(decisions) AS decisions FROM campaign_decision_count
                        WHERE campaign_id IN (:ids) AND minute >= :since GROUP BY campaign_id, variation_key
                        """)
                .param("ids", campaignIds)
                .param("since", since)
                .query(DecisionCount.class).list();
    }

    int deleteDecisionsBefore(Instant before) {
        return jdbc.sql("DELETE FROM campaign_decision_count WHERE minute < :before").param("before", before).update();
    }
}
