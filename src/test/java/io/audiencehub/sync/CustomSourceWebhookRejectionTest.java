package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.connector.ConnectorAuditAction;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.connector.NewCustomSource;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A custom source's receiver passes the same refusal conformance as Heap's; its pages must name the
 * source of their URL, and a replaced secret signs nothing any more.
 */
class CustomSourceWebhookRejectionTest extends WebhookRefusalConformance {

    @Override
    protected WebhookReceiverFixture connect() {
        return CustomSourceFixtures.create(customSources, security, port);
    }

    @Override
    protected HttpResponse<String> sendForUnknownSource(String body, String unknownId) {
        return WebhookDeliveries.toCustomSource(port, unknownId, "any secret").send(body.replace(receiver.tokenId(), unknownId));
    }

    @Test
    void aPageNamingAnotherSourceThanItsUrlIsABadRequest() {
        String other = UUID.randomUUID().toString();
        HttpResponse<String> answer = heap.send(body.replace(receiver.tokenId(), other));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("$.id_token: \\\"" + other + "\\\" is not this source's id");
        assertThat(audiences.count(receiver.connectorId(), "", false)).isZero();
    }

    @Test
    void aNewSigningSecretReplacesTheOldOne() {
        NewCustomSource replaced = HeapConnectorsForTests.asAdmin(security,
                () -> customSources.newSigningSecret(receiver.connectorId()));
        assertThat(heap.send(body).statusCode()).as("signed with the old secret").isEqualTo(403);

        HttpResponse<String> answer = WebhookDeliveries.toCustomSource(port, receiver.tokenId(), replaced.signingSecret())
                .send(body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(audiences.count(receiver.connectorId(), "", false)).isEqualTo(1);
        assertThat(HeapConnectorsForTests.asAdmin(security, () -> connectors.audit(receiver.connectorId(), 0, 10)))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo(ConnectorAuditAction.SECRET_REPLACED));
    }
}
