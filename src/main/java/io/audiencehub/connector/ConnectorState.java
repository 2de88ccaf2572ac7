package io.audiencehub.connector;

public enum ConnectorState {
    PENDING_AUTHORIZATION,
    VALIDATED,
    FAILED,
    DISCONNECTED
}
