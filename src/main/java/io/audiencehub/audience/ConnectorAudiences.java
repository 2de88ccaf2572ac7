package io.audiencehub.audience;

/** How many audiences a connector has, and how many of them targeting can use. */
public record ConnectorAudiences(long connectorId, long audiences, long available) {
}
