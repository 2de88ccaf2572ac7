package io.audiencehub.sync;

import io.audiencehub.connector.ConnectorService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** A custom source's deliveries pass the same conformance as Heap's. */
class CustomSourceWebhookTest extends WebhookDeliveryConformance {

    @Autowired
    ConnectorService connectors;
    @Autowired
    SecurityContextHolderStrategy security;

    @Override
    protected WebhookReceiverFixture connect() {
        return CustomSources.create(connectors, security, port);
    }
}
