package io.audiencehub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.audiencehub.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Heap misbehaving on the server-to-server calls: each failure leaves the connector FAILED with a
 * reason a person can act on, and no token stored.
 */
@Tag("database")
@SpringBootTest(properties = {"audiencehub.heap.read-timeout=1s", "audiencehub.crypto.token-key-file=target/test-token.key"})
@Import(DependentsForTests.class)
@WithMockUser(username = "admin", roles = "ADMIN")
// closed after its tests, so that it hands the audience writer lock back to the shared context
@DirtiesContext
class HeapUnavailableTest {

    private static final FakeHeap HEAP = new FakeHeap();

    @Autowired
    HeapAuthorization heapAuthorization;
    @Autowired
    ConnectorService connectors;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void pointAtTheFakeHeap(DynamicPropertyRegistry registry) {
        registry.add("audiencehub.db.url", TestDatabase::url);
        registry.add("audiencehub.heap.base-url", HEAP::baseUrl);
    }

    @BeforeEach
    void browsingTheHub() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setServerName("hub.example.com");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void leaveTheHub() {
        RequestContextHolder.resetRequestAttributes();
    }

    @AfterAll
    static void stopHeap() {
        HEAP.stop();
    }

    @Test
    void aTokenEndpointThatIsDownFailsTheConnector() {
        HEAP.stop();
        try {
            assertThat(authorizeWith("any-code")).satisfies(connector -> assertFailed(connector,
                    "Heap's token endpoint could not be reached at " + HEAP.baseUrl() + "/api/partner/oauth/token"));
        } finally {
            HEAP.start();
        }
    }

    @Test
    void aTokenEndpointSlowerThanTheTimeoutFailsTheConnector() {
        HEAP.tokenAnswer = exchange -> {
            sleep(3000);
            FakeHeap.send(exchange, 200, "{}");
        };
        assertFailed(authorizeWith("any-code"), "Heap's token endpoint did not answer within 1 s");
    }

    @Test
    void aTokenEndpointAnswering5xxFailsTheConnector() {
        HEAP.tokenAnswer = exchange -> FakeHeap.send(exchange, 503, "{\"message\":\"maintenance\"}");
        assertFailed(authorizeWith("any-code"), "Heap's token endpoint answered HTTP 503");
    }

    @Test
    void aMalformedTokenResponseFailsTheConnector() {
        HEAP.tokenAnswer = exchange -> FakeHeap.send(exchange, 200, "{\"access_token\": [1, 2], \"token_type\": ");
        assertFailed(authorizeWith("any-code"), "Heap's token endpoint did not answer with a valid token response");

        HEAP.tokenAnswer = exchange -> FakeHeap.send(exchange, 200, "{\"access_token\":\"t\",\"token_type\":\"bearer\"}");
        assertFailed(authorizeWith("any-code"), "Heap's token response has no valid id_token");
    }

    @Test
    void aFailingMetadataCallLeavesTheConnectorUnvalidated() {
        HEAP.tokenAnswer = FakeHeap.GOOD_TOKEN;
        HEAP.metadataAnswer = exchange -> FakeHeap.send(exchange, 500, "{}");
        assertFailed(authorizeWith("any-code"), "Heap's metadata endpoint answered HTTP 500");
    }

    @Test
    void withHeapWorkingTheSameFlowValidates() {
        HEAP.tokenAnswer = FakeHeap.GOOD_TOKEN;
        HEAP.metadataAnswer = exchange -> FakeHeap.send(exchange, 200, "{\"environment_name\":\"Fake prod\"}");
        Connector connector = authorizeWith("any-code");
        assertThat(connector.state()).isEqualTo(ConnectorState.VALIDATED);
        assertThat(connector.environmentName()).isEqualTo("Fake prod");
        assertThat(HEAP.lastTokenRequest).contains("grant_type=authorization_code", "code=any-code",
                "client_id=audience-hub-sandbox", "client_secret=", "code_verifier=",
                "redirect_uri=http%3A%2F%2Fhub.example.com%2Fintegrations%2Fheap%2Foauth%2Fcallback");
        connectors.disconnect(connector.id());
    }

    private Connector authorizeWith(String code) {
        String name = "Fake Heap " + UUID.randomUUID().toString().substring(0, 8);
        String authorize = heapAuthorization.start("heap", name);
        String state = HeapSandboxBrowser.query(authorize).get("state");
        long id = heapAuthorization.complete(state, code, null, null).connectorId();
        return connectors.find(id).orElseThrow();
    }

    private void assertFailed(Connector connector, String reason) {
        assertThat(connector.state()).isEqualTo(ConnectorState.FAILED);
        assertThat(connector.failureReason()).contains(reason);
        assertThat(jdbc.sql("SELECT access_token FROM connector WHERE id = ?").param(connector.id())
                .query(byte[].class).optional()).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Heap's token and metadata endpoints, answering as each test tells them. */
    static final class FakeHeap {

        interface Answer {
            void answer(HttpExchange exchange) throws IOException;
        }

        static final Answer GOOD_TOKEN = exchange -> send(exchange, 200,
                "{\"access_token\":\"fake-token\",\"id_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"bearer\"}");

        private HttpServer server;
        private int port;
        volatile Answer tokenAnswer = GOOD_TOKEN;
        volatile Answer metadataAnswer = exchange -> send(exchange, 200, "{\"environment_name\":\"Fake\"}");
        volatile String lastTokenRequest = "";

        FakeHeap() {
            start();
        }

        void start() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            port = server.getAddress().getPort();
            server.createContext("/api/partner/oauth/token", exchange -> {
                lastTokenRequest = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                tokenAnswer.answer(exchange);
            });
            server.createContext("/api/partner/v1/metadata/", exchange -> metadataAnswer.answer(exchange));
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        void stop() {
            server.stop(0);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        static void send(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
