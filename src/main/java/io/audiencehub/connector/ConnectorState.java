package io.audiencehub.connector;

public enum ConnectorState {
    PENDING_AUTHORIZATION("waiting for authorization"),
    VALIDATED("validated"),
    FAILED("failed"),
    DISCONNECTED("disconnected");

    private final String label;

    ConnectorState(String label) {
        this.label = label;
    }

    /** The state in words, as screens show it. */
    public String label() {
        return label;
    }
}
