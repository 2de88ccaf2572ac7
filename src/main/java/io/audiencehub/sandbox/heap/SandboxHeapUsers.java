package io.audiencehub.sandbox.heap;

import java.time.Clock;
import java.time.Instant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sandbox environment's users and the user properties recorded for them. */
@Repository
@Profile("sandbox")
class SandboxHeapUsers {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    SandboxHeapUsers(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper objectMapper, Clock clock) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.batches = batches;
        this.clock = clock;
    }

    /** New users, each carrying one property ({@code valueByUser}: user id to value), in two batches. */
    void recordNew(long environmentId, String property, Map<String, String> valueByUser) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Map.Entry<String, String>> users = List.copyOf(valueByUser.entrySet());
        batches.batchUpdate("""
                        INSERT INTO sandbox_heap_user (environment_id, user_id, first_seen, last_seen)
                        VALUES (?, ?, ?, ?)
                        """, users, users.size(), (statement, user) -> {
                    statement.setLong(1, environmentId);
                    statement.setString(2, user.getKey());
                    statement.setTimestamp(3, now);
                    statement.setTimestamp(4, now);
                });
        saveProperties(environmentId, users.stream()
                .map(user -> new Property(user.getKey(), property, user.getValue())).toList(), now);
    }

    void record(long environmentId, String userId, String identity, Map<String, String> properties) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO sandbox_heap_user (environment_id, user_id, identity, first_seen, last_seen)
                        VALUES (:environmentId, :userId, :identity, :now, :now)
                        ON DUPLICATE KEY UPDATE last_seen = :now, identity = COALESCE(:identity, identity)
                        """)
                .param("environmentId", environmentId).param("userId", userId).param("identity", identity)
                .param("now", now).update();
        saveProperties(environmentId, properties.entrySet().stream()
                .map(entry -> new Property(userId, entry.getKey(), entry.getValue())).toList(), Timestamp.from(now));
    }

    /** Records an event of the user, known or new; its properties are kept as a JSON object. */
    void recordEvent(long environmentId, String userId, String event, Map<String, String> properties) {
        record(environmentId, userId, null, Map.of());
        jdbc.sql("""
                        INSERT INTO sandbox_heap_event (environment_id, user_id, name, properties, at)
                        VALUES (:environmentId, :userId, :name, :properties, :at)
                        """)
                .param("environmentId", environmentId).param("userId", userId).param("name", event)
                .param("properties", json(properties)).param("at", clock.instant()).update();
    }

    long usersWithProperty(long environmentId, String name) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM sandbox_heap_user_property
                        WHERE environment_id = :environmentId AND name = :name
                        """)
                .param("environmentId", environmentId).param("name", name)
                .query(Long.class).single();
    }

    private String json(Map<String, String> properties) {
        try {
            return objectMapper.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private record Property(String userId, String name, String value) {
    }

    private void saveProperties(long environmentId, List<Property> properties, Timestamp now) {
        if (properties.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                        INSERT INTO sandbox_heap_user_property (environment_id, user_id, name, value, updated_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at)
                        """, properties, properties.size(), (statement, property) -> {
                    statement.setLong(1, environmentId);
                    statement.setString(2, property.userId());
                    statement.setString(3, property.name());
                    statement.setString(4, property.value());
                    statement.setTimestamp(5, now);
                });
    }
}
