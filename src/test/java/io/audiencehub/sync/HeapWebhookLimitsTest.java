package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import io.audiencehub.RawClients;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.HeapConnectedTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What the receiver refuses before or while reading a body, so that slow or oversized deliveries
 * cannot hold it: raw sockets play the hostile client.
 */
@WithMockUser(username = "viewer", roles = "VIEWER")
class HeapWebhookLimitsTest extends HeapConnectedTest {

    /** Its own address, so that its slow requests count against no other test's share. */
    private static final String HOSTILE_CLIENT = "127.0.0.5";

    @Autowired
    AudienceService audiences;

    private WebhookDeliveries heap;
    private String body;

    @BeforeEach
    void aPage() {
        heap = new WebhookDeliveries(port);
        body = WebhookDeliveries.page(connector.tokenId(), 42, "Free Customers", "task-limits", 1, 1, List.of("a"),
                List.of());
    }

    @Test
    void anUnsignedOrOversizedDeliveryIsAnsweredBeforeItsBodyIsSent() throws IOException {
        try (Socket client = RawClients.connectFrom(HOSTILE_CLIENT, port)) {
            sendHeaders(client, 50L * 1024 * 1024, null);
            assertThat(RawClients.statusLine(client)).as("no Heap-Hash: refused without waiting for 50 MB").contains(" 400 ");
        }
        try (Socket client = RawClients.connectFrom(HOSTILE_CLIENT, port)) {
            sendHeaders(client, 50L * 1024 * 1024, WebhookDeliveries.signature(WebhookDeliveries.SECRET,
                    System.currentTimeMillis(), body));
            assertThat(RawClients.statusLine(client)).as("declared over max-body-size").contains(" 413 ");
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIsRefusedAndFreesItsPlace() throws Exception {
        try (Socket client = RawClients.connectFrom(HOSTILE_CLIENT, port)) {
            sendHeaders(client, body.length(), WebhookDeliveries.signature(WebhookDeliveries.SECRET, System.currentTimeMillis(),
                    body));
            OutputStream out = client.getOutputStream();
            out.write(body.substring(0, 10).getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(IntegrationTest.BODY_READ_TIMEOUT_MILLIS + 500);
            out.write(body.substring(10, 11).getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(RawClients.statusLine(client)).contains(" 408 ");
        }
        assertThat(heap.send(body).statusCode()).isEqualTo(200);
    }

    @Test
    void oneAddressHoldsAtMostItsShareOfThePlacesWhileOthersAreStillAnswered() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < IntegrationTest.MAX_CONCURRENT_DELIVERIES_PER_CLIENT; i++) {
                slow.add(trickle(HOSTILE_CLIENT));
            }
            Thread.sleep(300);
            try (Socket more = RawClients.connectFrom(HOSTILE_CLIENT, port)) {
                sendHeaders(more, body.length(), WebhookDeliveries.signature(WebhookDeliveries.SECRET,
                        System.currentTimeMillis(), body));
                assertThat(RawClients.statusLine(more)).as("beyond its share, before its body").contains(" 503 ");
            }
            assertThat(heap.send(body).statusCode()).as("Heap's own delivery, from another address").isEqualTo(200);
        } finally {
            close(slow);
        }
    }

    @Test
    void beyondTheConcurrentDeliveriesTheNextIsToldToRetryBeforeItIsRead() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            int addresses = IntegrationTest.MAX_CONCURRENT_DELIVERIES / IntegrationTest.MAX_CONCURRENT_DELIVERIES_PER_CLIENT;
            for (int address = 0; address < addresses; address++) {
                for (int i = 0; i < IntegrationTest.MAX_CONCURRENT_DELIVERIES_PER_CLIENT; i++) {
                    slow.add(trickle("127.0.0." + (10 + address)));
                }
            }
            Thread.sleep(300);
            HttpResponse<String> turnedAway = heap.send(body);
            assertThat(turnedAway.statusCode()).isEqualTo(503);
            assertThat(turnedAway.headers().firstValue("Retry-After")).hasValue(WebhookIntake.RETRY_AFTER_SECONDS);
            assertThat(turnedAway.body()).contains("Retry later");
            assertThat(audiences.count(connector.id(), "", false)).isZero();
        } finally {
            close(slow);
        }
        Thread.sleep(IntegrationTest.BODY_READ_TIMEOUT_MILLIS + 500);
        assertThat(heap.send(body).statusCode()).as("the slow ones were cut and their places freed").isEqualTo(200);
    }

    /** A delivery with a signature of the right form and age whose body comes a byte at a time. */
    private Socket trickle(String address) throws IOException {
        Socket client = RawClients.connectFrom(address, port);
        sendHeaders(client, body.length(), WebhookDeliveries.signature("forged-secret", System.currentTimeMillis(), body));
        client.getOutputStream().write('{');
        client.getOutputStream().flush();
        return client;
    }

    private static void close(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void aSyncTaskIdOfAnotherSegmentIsRefusedAndCountsIntoNoRun() {
        assertThat(heap.send(body).statusCode()).isEqualTo(200);
        String otherSegment = WebhookDeliveries.page(connector.tokenId(), 43, "Paying Customers", "task-limits", 1, 2,
                List.of("b"), List.of());

        HttpResponse<String> refused = heap.send(otherSegment);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("sync_task_id", "segment 42", "not of segment 43");
        assertThat(audiences.count(connector.id(), "", false)).as("only segment 42's audience").isEqualTo(1);
        assertThat(heap.send(otherSegment.replace("task-limits", "task-limits-43")).statusCode()).isEqualTo(200);
    }

    private static void sendHeaders(Socket client, long contentLength, String heapHash) throws IOException {
        String headers = "POST " + HeapWebhookController.PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + contentLength + "\r\n"
                + (heapHash == null ? "" : "Heap-Hash: " + heapHash + "\r\n") + "\r\n";
        client.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
    }
}
