package io.audiencehub.visitor;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

@Repository
class VisitorRepository {

    /** Rows per statement: large enough to amortise round trips, small enough for any packet size. */
    private static final int ROWS_PER_STATEMENT = 1_000;

    private final JdbcTemplate jdbc;

    VisitorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of {@code ids} are already known. */
    Set<String> existing(Collection<String> ids) {
        Set<String> known = new HashSet<>();
        for (List<String> chunk : chunks(new ArrayList<>(ids))) {
            String placeholders = chunk.stream().map(id -> "?").collect(Collectors.joining(","));
            known.addAll(jdbc.queryForList("SELECT id FROM visitor WHERE id IN (" + placeholders + ")",
                    String.class, chunk.toArray()));
        }
        return known;
    }

    boolean delete(String visitorId) {
        return jdbc.update("DELETE FROM visitor WHERE id = ?", visitorId) == 1;
    }

    void countReports(Instant hour, int shard, int reports) {
        jdbc.update("""
                INSERT INTO visitor_report_hour (hour, shard, reports) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE reports = reports + VALUES(reports)
                """, Timestamp.from(hour), shard, reports);
    }

    Map<Instant, Long> reportsPerHour(Instant since) {
        Map<Instant, Long> perHour = new TreeMap<>();
        jdbc.query("SELECT hour, SUM(reports) FROM visitor_report_hour WHERE hour >= ? GROUP BY hour",
                (RowCallbackHandler) row -> perHour.put(row.getTimestamp(1).toInstant(), row.getLong(2)),
                Timestamp.from(since));
        return perHour;
    }

    Optional<VisitorSeen> seen(String visitorId) {
        return jdbc.query("SELECT first_seen, last_seen FROM visitor WHERE id = ?", (row, number) -> new VisitorSeen(
                row.getTimestamp("first_seen").toInstant(), row.getTimestamp("last_seen").toInstant()), visitorId)
                .stream().findFirst();
    }

    /** Streams every known visitor id without holding them all in memory. */
    void forEachId(Consumer<String> action) {
        streamIds("SELECT id FROM visitor", action);
    }

    void forEachIdFirstSeenSince(Instant since, Consumer<String> action) {
        streamIds("SELECT id FROM visitor WHERE first_seen >= ?", action, Timestamp.from(since));
    }

    /** Streams the ids a query selects, a fetch at a time, however many there are. */
    private void streamIds(String sql, Consumer<String> action, Object... parameters) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.setFetchSize(10_000);
            return statement;
        }, (RowCallbackHandler) row -> action.accept(row.getString(1)));
    }

    /** Inserts new visitors and moves the last sighting of known ones forward, in multi-row statements. */
    void upsert(Map<String, Instant> lastSeenById) {
        for (List<Map.Entry<String, Instant>> chunk : chunks(new ArrayList<>(lastSeenById.entrySet()))) {
            String rows = chunk.stream().map(entry -> "(?,?,?)").collect(Collectors.joining(","));
            Object[] values = new Object[chunk.size() * 3];
            int i = 0;
            for (Map.Entry<String, Instant> entry : chunk) {
                Timestamp seen = Timestamp.from(entry.getValue());
                values[i++] = entry.getKey();
                values[i++] = seen;
                values[i++] = seen;
            }
            jdbc.update("INSERT INTO visitor (id, first_seen, last_seen) VALUES " + rows
                    + " ON DUPLICATE KEY UPDATE last_seen = GREATEST(last_seen, VALUES(last_seen))", values);
        }
    }

    void deleteReportHoursBefore(Instant before) {
        jdbc.update("DELETE FROM visitor_report_hour WHERE hour < ?", Timestamp.from(before));
    }

    /** Deletes at most {@code limit} visitors last seen before {@code before}, the oldest first. */
    int deleteLastSeenBefore(Instant before, int limit) {
        return jdbc.update("DELETE FROM visitor WHERE last_seen < ? ORDER BY last_seen LIMIT ?", Timestamp.from(before),
                limit);
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += ROWS_PER_STATEMENT) {
            chunks.add(items.subList(from, Math.min(items.size(), from + ROWS_PER_STATEMENT)));
        }
        return chunks;
    }
}
