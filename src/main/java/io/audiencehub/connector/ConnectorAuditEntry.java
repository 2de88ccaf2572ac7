package io.audiencehub.connector;

import java.time.Instant;

public record ConnectorAuditEntry(String action, String actor, Instant at, String detail) {
}
