package io.audiencehub.connector;

/** Whom an authenticated Mixpanel delivery is for, and the member property that carries the visitor id. */
public record MixpanelDelivery(long connectorId, String visitorProperty) {
}
