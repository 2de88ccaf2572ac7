package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.connector.Connector;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.sandbox.heap.SandboxOAuthService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Heap's receiver passes the refusal conformance, and takes the previous secret during a rotation. */
class HeapWebhookRejectionTest extends WebhookRefusalConformance {

    @Autowired
    SandboxOAuthService sandbox;

    @Override
    protected WebhookReceiverFixture connect() {
        Connector connector = HeapConnectorsForTests.connect(heapAuthorization, connectors, sandbox, security, port);
        return new WebhookReceiverFixture(new WebhookDeliveries(port), connector.id(), connector.tokenId(),
                "no validated Heap connector");
    }

    @Override
    protected HttpResponse<String> sendForUnknownSource(String body, String unknownId) {
        return heap.send(body.replace(receiver.tokenId(), unknownId));
    }

    @Test
    void thePreviousSecretIsAcceptedDuringARotation() {
        HttpResponse<String> answer = heap.send(body, WebhookDeliveries.signature(PREVIOUS_WEBHOOK_SECRET,
                System.currentTimeMillis(), body));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(audiences.count(receiver.connectorId(), "", false)).isEqualTo(1);
    }
}
