package io.audiencehub.connector;

/** Published when Heap under Push is switched on or off for a connector, inside that transaction. */
public record ConnectorPushChanged(long connectorId, boolean enabled) {
}
