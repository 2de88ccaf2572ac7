package io.audiencehub.alert;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Incidents written as another hub's evaluation would leave them, for tests of what reads them. */
public final class TestIncidents {

    private TestIncidents() {
    }

    public static void open(JdbcClient jdbc, IncidentKind kind, String subject, String detail) {
        jdbc.sql("""
                        INSERT INTO alert_incident (kind, subject_id, subject, detail, opened_at)
                        VALUES (?, FLOOR(RAND() * 1000000000), ?, ?, NOW(3))
                        """).params(kind.name(), subject, detail).update();
    }

    public static void resolve(JdbcClient jdbc, String subject) {
        jdbc.sql("UPDATE alert_incident SET resolved_at = NOW(3) WHERE subject = ? AND resolved_at IS NULL")
                .param(subject).update();
    }
}
