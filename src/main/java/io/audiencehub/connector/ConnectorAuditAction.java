package io.audiencehub.connector;

/** What happened to a connector, as its history (connector_audit.action) records it. */
public enum ConnectorAuditAction {
    CREATED,
    AUTHORIZATION_STARTED,
    VALIDATED,
    FAILED,
    RENAMED,
    DISCONNECTED,
    DELETED,
    PUSH_ON,
    PUSH_OFF,
    SECRET_REPLACED,
    CREDENTIALS_REPLACED,
    CSV_UPLOADED
}
