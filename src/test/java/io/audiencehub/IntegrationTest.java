package io.audiencehub;

import io.audiencehub.connector.CustomSources;
import io.audiencehub.connector.DependentsForTests;
import io.audiencehub.connector.HeapAuthorization;
import io.audiencehub.connector.CampaignPush;
import io.audiencehub.visitor.FirstSightingsForTests;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole product on a real port and a real MariaDB ({@link TestDatabase}). Every subclass shares
 * one application context, so the product starts once per test run.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "audiencehub.crypto.token-key-file=target/test-token.key",
                "audiencehub.visitors.allowed-origins=https://shop.example.com",
                "audiencehub.sync.previous-webhook-secret=" + IntegrationTest.PREVIOUS_WEBHOOK_SECRET,
                "audiencehub.sandbox.heap.page-size=3", "audiencehub.sync.max-body-size=2MB", "audiencehub.sandbox.heap.retry-backoff=100ms",
                "audiencehub.sandbox.mixpanel.page-size=3", "audiencehub.sandbox.mixpanel.retry-backoff=50ms",
                "audiencehub.sync.apply-wait=" + IntegrationTest.APPLY_WAIT,
                "audiencehub.sync.max-concurrent-deliveries=" + IntegrationTest.MAX_CONCURRENT_DELIVERIES,
                "audiencehub.sync.max-concurrent-deliveries-per-client="
                        + IntegrationTest.MAX_CONCURRENT_DELIVERIES_PER_CLIENT,
                "audiencehub.sync.body-read-timeout=" + IntegrationTest.BODY_READ_TIMEOUT_MILLIS + "ms",
                "server.tomcat.remoteip.internal-proxies=" + IntegrationTest.TRUSTED_PROXY,
                "audiencehub.metrics.password=" + IntegrationTest.METRICS_PASSWORD,
                // tests run the alert rounds themselves
                "audiencehub.alerts.check-every=1h"})
@AutoConfigureObservability(tracing = false)
@Import({DependentsForTests.class, FirstSightingsForTests.class})
public abstract class IntegrationTest {

    /** The webhook secret being rotated out, still accepted alongside the sandbox's current one. */
    public static final String PREVIOUS_WEBHOOK_SECRET = "previous-webhook-secret-for-tests";

    /**
     * How long a delivery waits for its page to be applied. Tests read what a page changed as soon as
     * it is answered, so they allow more than production's 1.5 s on a loaded CI machine.
     */
    public static final String APPLY_WAIT = "5s";

    /**
     * The tests play a load balancer at 127.0.0.1, so that each can report visitors as its own client
     * address in X-Forwarded-For; any other address is a client whose X-Forwarded-For is not believed.
     */
    public static final String TRUSTED_PROXY = "127\\.0\\.0\\.1";

    /** The metrics scraper's HTTP Basic password (user {@code metrics}), the only Basic credential. */
    public static final String METRICS_PASSWORD = "metrics-password-for-tests";

    /** Enough for the tests that send many pages at once, few enough for one to fill with slow clients. */
    public static final int MAX_CONCURRENT_DELIVERIES = 32;

    /** A quarter of them, as in production (2 of 8): four addresses fill every place. */
    public static final int MAX_CONCURRENT_DELIVERIES_PER_CLIENT = 8;

    /** Short, so that a test waits little for a slow client to be cut. */
    public static final long BODY_READ_TIMEOUT_MILLIS = 2_000;

    @LocalServerPort
    protected int port;

    @Autowired
    protected HeapAuthorization heapAuthorization;
    @Autowired
    protected CustomSources customSources;
    @Autowired
    protected CampaignPush campaignPush;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("audiencehub.db.url", TestDatabase::url);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
