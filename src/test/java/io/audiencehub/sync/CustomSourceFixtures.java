package io.audiencehub.sync;

import io.audiencehub.connector.CustomSources;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.connector.NewCustomSource;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** A fresh custom source for a test, with what it takes to deliver to it. */
final class CustomSourceFixtures {

    private CustomSourceFixtures() {
    }

    static WebhookReceiverFixture create(CustomSources customSources, SecurityContextHolderStrategy security, int port) {
        NewCustomSource source = HeapConnectorsForTests.asAdmin(security,
                () -> customSources.create("Warehouse " + UUID.randomUUID().toString().substring(0, 8)));
        return new WebhookReceiverFixture(WebhookDeliveries.toCustomSource(port, source.connector().tokenId(),
                source.signingSecret()), source.connector().id(), source.connector().tokenId(),
                "No validated custom source has the id");
    }
}
