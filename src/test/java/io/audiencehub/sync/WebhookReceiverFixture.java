package io.audiencehub.sync;

/**
 * A connector to deliver to, as the conformance tests see it: Heap's or a custom source's.
 *
 * @param deliveries signs and sends pages to it
 * @param unknownSourceMessage what a delivery to a source that is not (or no longer) validated is told
 */
record WebhookReceiverFixture(WebhookDeliveries deliveries, long connectorId, String tokenId,
                              String unknownSourceMessage) {
}
