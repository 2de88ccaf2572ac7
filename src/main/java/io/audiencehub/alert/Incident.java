package io.audiencehub.alert;

import java.time.Instant;

/**
 * An incident: opened when a condition appeared, resolved when it went away.
 *
 * @param subjectId the connector's or campaign's id
 * @param subject how it is named in the UI and the notifications: Connector "Shop", Campaign "Spring sale"
 * @param detail why, as the evaluation saw it when it opened
 */
public record Incident(long id, IncidentKind kind, long subjectId, String subject, String detail, Instant openedAt,
                       Instant resolvedAt) {

    public String summary() {
        return subject + " " + kind.what() + ": " + detail;
    }
}
