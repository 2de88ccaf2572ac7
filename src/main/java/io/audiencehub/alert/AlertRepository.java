package io.audiencehub.alert;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

    private static final String COLUMNS = "id, kind, subject_id, subject, detail, opened_at, resolved_at";

    /** An incident whose opening or resolution is still to be sent. */
    record Pending(long id, IncidentKind kind, long subjectId, String subject, String detail, Instant openedAt,
                   Instant resolvedAt, int notifyAttempts) {

        Incident incident() {
            return new Incident(id, kind, subjectId, subject, detail, openedAt, resolvedAt);
        }

        boolean resolution() {
            return resolvedAt != null;
        }
    }

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Incident> open() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_incident WHERE resolved_at IS NULL ORDER BY opened_at, id")
                .query(Incident.class).list();
    }

    /** Open incidents first, then the resolved ones, newest first. */
    List<Incident> recent(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM alert_incident
                        ORDER BY resolved_at IS NOT NULL, COALESCE(resolved_at, opened_at) DESC, id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .param("limit", limit).param("offset", offset).query(Incident.class).list();
    }

    /** Opens the incident, unless one of its kind is already open for the subject. */
    boolean open(Condition condition, Instant now) {
        try {
            jdbc.sql("""
                            INSERT INTO alert_incident (kind, subject_id, subject, detail, opened_at)
                            VALUES (:kind, :subjectId, :subject, :detail, :now)
                            """)
                    .param("kind", condition.kind().name())
                    .param("subjectId", condition.subjectId())
                    .param("subject", shorten(condition.subject(), 255))
                    .param("detail", shorten(condition.detail(), 1000))
                    .param("now", now)
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyOpen) {
            return false;
        }
    }

    void resolve(long id, Instant now) {
        jdbc.sql("UPDATE alert_incident SET resolved_at = :now, notify_attempts = 0, next_notify_at = NULL"
                        + " WHERE id = :id AND resolved_at IS NULL")
                .param("id", id).param("now", now).update();
    }

    /**
     * Openings not yet sent, and resolutions of incidents whose opening was sent (one whose opening never
     * went out is not announced as resolved either), due now.
     */
    List<Pending> pending(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + ", notify_attempts FROM alert_incident" + """
                         WHERE ((resolved_at IS NULL AND opened_notified_at IS NULL)
                               OR (resolved_at IS NOT NULL AND opened_notified_at IS NOT NULL
                                   AND resolved_notified_at IS NULL))
                          AND (next_notify_at IS NULL OR next_notify_at <= :now)
                        ORDER BY id LIMIT :limit
                        """)
                .param("now", now).param("limit", limit).query(Pending.class).list();
    }

    void notified(Pending pending, Instant now) {
        jdbc.sql("UPDATE alert_incident SET " + (pending.resolution() ? "resolved_notified_at" : "opened_notified_at")
                        + " = :now, notify_attempts = 0, next_notify_at = NULL, last_notify_error = NULL WHERE id = :id")
                .param("id", pending.id()).param("now", now).update();
    }

    void notifyFailed(long id, int attempts, Instant retryAt, String error) {
        jdbc.sql("""
                        UPDATE alert_incident SET notify_attempts = :attempts, next_notify_at = :retryAt,
                            last_notify_error = :error
                        WHERE id = :id
                        """)
                .param("id", id).param("attempts", attempts).param("retryAt", retryAt)
                .param("error", shorten(error, 500)).update();
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }
}
