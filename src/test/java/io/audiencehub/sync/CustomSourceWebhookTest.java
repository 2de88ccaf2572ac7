package io.audiencehub.sync;

/** A custom source's deliveries pass the same conformance as Heap's. */
class CustomSourceWebhookTest extends WebhookDeliveryConformance {

    @Override
    protected WebhookReceiverFixture connect() {
        return CustomSourceFixtures.create(customSources, security, port);
    }
}
