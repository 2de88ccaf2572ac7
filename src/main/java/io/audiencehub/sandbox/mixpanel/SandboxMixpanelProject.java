package io.audiencehub.sandbox.mixpanel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sandbox project: its users and their properties, events, cohorts and Custom Webhook connections. */
@Repository
@Profile("sandbox")
class SandboxMixpanelProject {

    /** A cohort member as Mixpanel exports it: the exported property's value may be missing. */
    record Member(String distinctId, String email, String exported) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    SandboxMixpanelProject(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    Optional<Long> projectOfToken(String token) {
        return jdbc.sql("SELECT id FROM sandbox_mixpanel_project WHERE token = :token").param("token", token)
                .query(Long.class).optional();
    }

    /** The project the sandbox plays: its id and its token. */
    Map.Entry<Long, String> project() {
        return jdbc.sql("SELECT id, token FROM sandbox_mixpanel_project ORDER BY id LIMIT 1")
                .query((rs, row) -> Map.entry(rs.getLong("id"), rs.getString("token"))).single();
    }

    void saveUser(long projectId, String distinctId, Instant now) {
        jdbc.sql("""
                        INSERT INTO sandbox_mixpanel_user (project_id, distinct_id, first_seen, last_seen)
                        VALUES (:project, :user, :now, :now)
                        ON DUPLICATE KEY UPDATE last_seen = :now
                        """)
                .param("project", projectId).param("user", distinctId).param("now", now).update();
    }

    /** New users, each carrying one property ({@code valueByUser}: distinct id to value), in two batches. */
    void saveNewUsers(long projectId, String property, Map<String, String> valueByUser, Instant now) {
        List<Map.Entry<String, String>> users = List.copyOf(valueByUser.entrySet());
        Timestamp at = Timestamp.from(now);
        batches.batchUpdate("""
                        INSERT INTO sandbox_mixpanel_user (project_id, distinct_id, first_seen, last_seen)
                        VALUES (?, ?, ?, ?)
                        """, users, users.size(), (statement, user) -> {
                    statement.setLong(1, projectId);
                    statement.setString(2, user.getKey());
                    statement.setTimestamp(3, at);
                    statement.setTimestamp(4, at);
                });
        saveProperties(projectId, users.stream().map(user -> new Property(user.getKey(), property, user.getValue()))
                .toList(), now);
    }

    record Property(String distinctId, String name, String value) {
    }

    void saveProperties(long projectId, List<Property> properties, Instant now) {
        Timestamp at = Timestamp.from(now);
        batches.batchUpdate("""
                        INSERT INTO sandbox_mixpanel_user_property (project_id, distinct_id, name, value, updated_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at)
                        """, properties, properties.size(), (statement, property) -> {
                    statement.setLong(1, projectId);
                    statement.setString(2, property.distinctId());
                    statement.setString(3, property.name());
                    statement.setString(4, property.value());
                    statement.setTimestamp(5, at);
                });
    }

    void saveEvent(long projectId, String distinctId, String name, String propertiesJson, Instant now) {
        jdbc.sql("""
                        INSERT INTO sandbox_mixpanel_event (project_id, distinct_id, name, properties, at)
                        VALUES (:project, :user, :name, :properties, :now)
                        """)
                .param("project", projectId).param("user", distinctId).param("name", name)
                .param("properties", propertiesJson).param("now", now).update();
    }

    long usersWithProperty(long projectId, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM sandbox_mixpanel_user_property WHERE project_id = :project AND name = :name")
                .param("project", projectId).param("name", name).query(Long.class).single();
    }

    List<String> propertyNames(long projectId) {
        return jdbc.sql("""
                        SELECT DISTINCT name FROM sandbox_mixpanel_user_property WHERE project_id = :project
                        ORDER BY name
                        """)
                .param("project", projectId).query(String.class).list();
    }

    long insertCohort(long projectId, String name, String description, String property, String value, Instant now) {
        jdbc.sql("""
                        INSERT INTO sandbox_mixpanel_cohort (project_id, name, description, rule_property, rule_value,
                            created_at)
                        VALUES (:project, :name, :description, :property, :value, :now)
                        """)
                .param("project", projectId).param("name", name).param("description", description)
                .param("property", property).param("value", value).param("now", now).update();
        return jdbc.sql("SELECT id FROM sandbox_mixpanel_cohort WHERE project_id = :project AND name = :name")
                .param("project", projectId).param("name", name).query(Long.class).single();
    }

    List<MixpanelCohort> cohorts(long projectId) {
        return jdbc.sql("SELECT * FROM sandbox_mixpanel_cohort WHERE project_id = :project ORDER BY name")
                .param("project", projectId).query(MixpanelCohort.class).list();
    }

    Optional<MixpanelCohort> cohort(long cohortId) {
        return jdbc.sql("SELECT * FROM sandbox_mixpanel_cohort WHERE id = :id").param("id", cohortId)
                .query(MixpanelCohort.class).optional();
    }

    /** The cohort's members now, each with the connection's exported property where the user has it. */
    List<Member> members(MixpanelCohort cohort, String exportProperty) {
        return jdbc.sql("""
                        SELECT u.distinct_id, u.email, e.value AS exported
                        FROM sandbox_mixpanel_user u
                        JOIN sandbox_mixpanel_user_property r ON r.project_id = u.project_id
                            AND r.distinct_id = u.distinct_id AND r.name = :ruleProperty
                            AND (:ruleValue IS NULL OR r.value = :ruleValue)
                        LEFT JOIN sandbox_mixpanel_user_property e ON e.project_id = u.project_id
                            AND e.distinct_id = u.distinct_id AND e.name = :exportProperty
                        WHERE u.project_id = :project
                        ORDER BY u.distinct_id
                        """)
                .param("project", cohort.projectId()).param("ruleProperty", cohort.ruleProperty())
                .param("ruleValue", cohort.ruleValue()).param("exportProperty", exportProperty)
                .query(Member.class).list();
    }

    long memberCount(MixpanelCohort cohort) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM sandbox_mixpanel_user_property
                        WHERE project_id = :project AND name = :ruleProperty AND (:ruleValue IS NULL OR value = :ruleValue)
                        """)
                .param("project", cohort.projectId()).param("ruleProperty", cohort.ruleProperty())
                .param("ruleValue", cohort.ruleValue()).query(Long.class).single();
    }

    long insertConnection(long projectId, String name, String webhookUrl, String userName, String password,
                          String exportProperty, Instant now) {
        jdbc.sql("""
                        INSERT INTO sandbox_mixpanel_connection (project_id, name, webhook_url, user_name, password,
                            export_property, created_at)
                        VALUES (:project, :name, :url, :user, :password, :property, :now)
                        """)
                .param("project", projectId).param("name", name).param("url", webhookUrl).param("user", userName)
                .param("password", password).param("property", exportProperty).param("now", now).update();
        return jdbc.sql("SELECT id FROM sandbox_mixpanel_connection WHERE project_id = :project AND name = :name")
                .param("project", projectId).param("name", name).query(Long.class).single();
    }

    List<MixpanelConnection> connections(long projectId) {
        return jdbc.sql("SELECT * FROM sandbox_mixpanel_connection WHERE project_id = :project ORDER BY name")
                .param("project", projectId).query(MixpanelConnection.class).list();
    }

    Optional<MixpanelConnection> connection(long connectionId) {
        return jdbc.sql("SELECT * FROM sandbox_mixpanel_connection WHERE id = :id").param("id", connectionId)
                .query(MixpanelConnection.class).optional();
    }
}
