package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import io.audiencehub.Refusals;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Every way a receiver refuses a delivery, and that nothing of a refused delivery is applied: the
 * conformance every source's receiver passes (Heap's, a custom source's).
 */
@WithMockUser(username = "viewer", roles = "VIEWER")
abstract class WebhookRefusalConformance extends IntegrationTest {

    @Autowired
    AudienceService audiences;
    @Autowired
    SyncService sync;
    @Autowired
    MeterRegistry metrics;
    @Autowired
    RefusalLog refusals;
    @Autowired
    protected ConnectorService connectors;
    @Autowired
    protected SecurityContextHolderStrategy security;

    protected WebhookReceiverFixture receiver;
    protected WebhookDeliveries heap;
    protected String body;

    /** A validated connector of the source under test. */
    protected abstract WebhookReceiverFixture connect();


    /** A delivery of {@code body} as it would come for a source the hub does not know by {@code unknownId}. */
    protected abstract HttpResponse<String> sendForUnknownSource(String body, String unknownId);

    /** Takes the connector out of service, as an admin would. */
    private void disconnect() {
        HeapConnectorsForTests.asAdmin(security, () -> {
            connectors.disconnect(receiver.connectorId());
            return null;
        });
    }

    @BeforeEach
    void aPage() {
        receiver = connect();
        heap = receiver.deliveries();
        body = WebhookDeliveries.page(receiver.tokenId(), 42, "Free Customers", "task-1", 1, 1, List.of("a"), List.of());
    }

    @Test
    void aMissingHeaderIsABadRequest() {
        assertRefused(heap.send(body, null), 400, heap.header() + " header is missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"nonsense", "ts:abc,hmac:AAAA", "hmac:AAAA,ts:1", "ts:1,hmac:%%%"})
    void aMalformedHeaderIsABadRequest(String header) {
        assertRefused(heap.send(body, header), 400, "malformed");
    }

    @Test
    void aTimestampOlderThanAMinuteOrAheadByMoreThanASecondIsABadRequest() {
        long now = System.currentTimeMillis();
        assertRefused(heap.send(body, heap.sign(now - 61_000, body)), 400,
                "more than 60 s old");
        assertRefused(heap.send(body, heap.sign(now + 5_000, body)), 400,
                "in the future");
        assertThat(heap.send(body, heap.sign(now - 30_000, body)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aBadSignatureIsForbiddenAndAnsweredAsJson() {
        HttpResponse<String> answer = heap.send(body, WebhookDeliveries.signature("another secret",
                System.currentTimeMillis(), body));
        assertRefused(answer, 403, "signature does not match");
        Refusals.assertRefusal(answer, 403, "signature does not match");
    }

    @Test
    void aBodyChangedAfterSigningIsForbidden() {
        String signature = heap.sign(System.currentTimeMillis(), body);
        assertRefused(heap.send(body.replace("\"a\"", "\"b\""), signature), 403, "signature does not match");
    }

    @Test
    void anUnsupportedActionIsMethodNotAllowed() {
        assertRefused(heap.send(body.replace("segment.users.sync", "segment.users.drain")), 405,
                "\\\"segment.users.drain\\\" is not supported");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"add\":[{\"id\":\"a\"}]|\"add\":[{\"id\":\"a\"},{\"id\":true}]|$.data.add[1].id: must be a string or an integer",
            "\"add\":[{\"id\":\"a\"}]|\"add\":[{\"id\":\"a\"},{\"name\":\"x\"}]|$.data.add[1].id: is missing",
            "\"add\":[{\"id\":\"a\"}]|\"add\":[{\"id\":\"\"}]|$.data.add[0].id: must not be empty",
            "\"add\":[{\"id\":\"a\"}]|\"add\":{\"id\":\"a\"}|$.data.add: must be an array",
            "\"id\":42,|\"id\":\"42\",|$.data.segment.id: must be an integer",
            "\"page_number\":1|\"page_number\":3|$.data.sync_info.page_number: is 3, beyond total_pages 1",
            "\"page_number\":1|\"page_number\":0|$.data.sync_info.page_number: must be 1 or more",
            "\"sync_task_id\":\"task-1\"|\"sync_task_id\":7|$.data.sync_info.sync_task_id: must be a string",
            "\"name\":\"Free Customers\"|\"title\":\"Free Customers\"|$.data.segment.name: is missing",
            "\"action_type\":\"segment.users.sync\",|\"action_type\":\"segment.users.sync\",\"x\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],|nested deeper",
            "\"remove\":[]}}|\"remove\":[]}|not valid JSON"})
    void anInvalidFieldIsABadRequestNamingItsPath(String valid, String invalid, String message) {
        assertThat(body).contains(valid);
        assertRefused(heap.send(body.replace(valid, invalid)), 400, message);
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedBeforeItIsRead() {
        String large = body.replace("[{\"id\":\"a\"}]", "[{\"id\":\"" + "x".repeat(200) + "\"}"
                + (",{\"id\":\"" + "y".repeat(200) + "\"}").repeat(11_000) + "]");
        assertThat(large.length()).isGreaterThan(2 * 1024 * 1024);
        assertRefused(heap.send(large), 413, "larger than 2048 KB");
    }

    @Test
    void anIdLongerThan256CharactersIsABadRequest() {
        assertRefused(heap.send(body.replace("\"a\"", "\"" + "x".repeat(257) + "\"")), 400,
                "$.data.add[0].id: is 257 characters long; at most 256");
    }

    @Test
    void anUnknownOrDisconnectedIdTokenIsRefusedCountedAndRecorded() {
        String unknown = UUID.randomUUID().toString();
        double before = metrics.counter("audiencehub.sync.deliveries", "result", "rejected_404").count();
        Instant sent = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertRefused(sendForUnknownSource(body, unknown), 404, receiver.unknownSourceMessage());
        refusals.runOnce();
        assertThat(sync.rejections(null, 0, 1)).singleElement().satisfies(refused -> {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.lastAt()).isAfterOrEqualTo(sent);
            assertThat(refused.clientAddress()).isEqualTo("127.0.0.1");
        });

        disconnect();
        assertRefused(heap.send(body), 404, receiver.unknownSourceMessage());
        refusals.runOnce();
        assertThat(sync.rejections(receiver.connectorId(), 0, 5)).singleElement().satisfies(refused -> {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.idToken()).isEqualTo(receiver.tokenId());
            assertThat(refused.refusals()).isEqualTo(1);
        });
        assertThat(sync.statuses(List.of(receiver.connectorId())).get(receiver.connectorId()).health())
                .isEqualTo(ConnectorSyncStatus.Health.FAILING);
        assertThat(metrics.counter("audiencehub.sync.deliveries", "result", "rejected_404").count())
                .isEqualTo(before + 2);
    }

    @Test
    void aFloodOfUnsignedDeliveriesIsCountedPerMinuteNotStoredOneByOne() {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 40; i++) {
            assertThat(heap.send(body, null).statusCode()).isEqualTo(400);
        }
        refusals.runOnce();

        // kept on the connector when the delivery's URL names it (a custom source), else on none (Heap)
        List<SyncRejection> counted = Stream.concat(sync.rejections(null, 0, 20).stream(),
                        sync.rejections(receiver.connectorId(), 0, 20).stream())
                .filter(refused -> refused.status() == 400 && !refused.lastAt().isBefore(started))
                // the class's other refusals of the same second are rows of their own reasons
                .filter(refused -> refused.reason().contains(heap.header() + " header is missing")).toList();
        assertThat(counted).as("one row a minute (two if the flood crossed one)").hasSizeBetween(1, 2);
        assertThat(counted.stream().mapToInt(SyncRejection::refusals).sum()).isGreaterThanOrEqualTo(40);
    }

    private void assertRefused(HttpResponse<String> answer, int status, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains(message);
        assertThat(audiences.count(receiver.connectorId(), "", false)).as("nothing of a refused delivery is applied").isZero();
    }
}
