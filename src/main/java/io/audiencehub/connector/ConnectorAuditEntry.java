package io.audiencehub.connector;

import java.time.Instant;

public record ConnectorAuditEntry(ConnectorAuditAction action, String actor, Instant at, String detail) {
}
