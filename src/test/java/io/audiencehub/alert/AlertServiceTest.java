package io.audiencehub.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.campaign.CampaignDraft;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.campaign.CampaignType;
import io.audiencehub.campaign.Variation;
import io.audiencehub.connector.HeapConnectedTest;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.connector.MixpanelSources;
import io.audiencehub.connector.NewMixpanelSource;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.sync.ConnectorSyncStatus;
import io.audiencehub.sync.MixpanelDeliveries;
import io.audiencehub.sync.WebhookDeliveries;
import io.audiencehub.sync.SyncService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Incidents from the real state of a Heap connector and a running campaign, notified to a real HTTP
 * webhook once when they open and once when they are resolved, retried with backoff when it refuses.
 */
class AlertServiceTest extends HeapConnectedTest {

    @Autowired
    AlertRepository incidents;
    @Autowired
    AlertEvaluator evaluator;
    @Autowired
    ObjectMapper json;
    @Autowired
    SyncService sync;
    @Autowired
    AudienceService audiences;
    @Autowired
    SegmentService segments;
    @Autowired
    CampaignService campaigns;
    @Autowired
    MixpanelSources mixpanel;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusalsToGive = new AtomicInteger();
    private HttpServer slack;
    private Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private SimpleMeterRegistry metrics;
    private AlertService alerts;

    private final List<Object> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aWebhook() throws IOException {
        slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // other tests' incidents share the database: only this test's connector's notifications are refused
            boolean refuse = body.contains(connector.name())
                    && refusalsToGive.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
            if (!refuse) {
                received.add(body);
            }
            byte[] answer = (refuse ? "invalid_token" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(refuse ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        slack.start();
        AlertProperties settings = new AlertProperties(URI.create("http://127.0.0.1:" + slack.getAddress().getPort()
                + "/hook"), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(5));
        metrics = new SimpleMeterRegistry();
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        alerts = new AlertService(incidents, evaluator, new AlertWebhook(settings, json), settings, security,
                published::add, metrics, clock);
    }

    @AfterEach
    void stopWebhook() {
        slack.stop(0);
    }

    @Test
    void aFailingConnectorIsNotifiedOnceRetriedWithBackoffAndResolvedOnce() {
        WebhookDeliveries heap = new WebhookDeliveries(port);
        String page = WebhookDeliveries.page(connector.tokenId(), 61, "Buyers", "task-1", 1, 1, List.of("m1"), List.of());
        heap.send(page);
        heap.send(page.replace("\"page_number\":1", "\"page_number\":3"));
        awaitHealth(ConnectorSyncStatus.Health.FAILING);
        String subject = "Connector \"" + connector.name() + "\"";

        refusalsToGive.set(1);
        alerts.evaluateAndNotify();
        assertThat(received).as("the webhook refused the first attempt")
                .noneMatch(body -> body.contains(connector.name()));
        assertThat(opened(subject)).singleElement().satisfies(incident -> {
            assertThat(incident.kind()).isEqualTo(IncidentKind.CONNECTOR_FAILING);
            assertThat(incident.detail()).isEqualTo("its latest delivery was refused");
        });
        assertThat(metrics.get("audiencehub.alerts.open").tags("kind", "connector_failing", "subject", subject).gauge()
                .value()).isEqualTo(1);
        assertThat(metrics.get("audiencehub.alerts.webhook.failures").counter().count()).isOne();
        assertThat(published).as("the bells are told").last().isInstanceOfSatisfying(OpenIncidentsChanged.class,
                changed -> assertThat(changed.open()).extracting(Incident::subject).contains(subject));

        now = now.plusSeconds(20);
        alerts.evaluateAndNotify();
        assertThat(received).as("not retried before the first retry delay")
                .noneMatch(body -> body.contains(connector.name()));

        now = now.plusSeconds(15);
        alerts.evaluateAndNotify();
        alerts.evaluateAndNotify();
        assertThat(received).as("sent once, on the retry").filteredOn(body -> body.contains(connector.name())).singleElement()
                .satisfies(body -> assertThat(body).startsWith("{\"text\":\":rotating_light: Audience Hub: " + subject
                        .replace("\"", "\\\"") + " is failing: its latest delivery was refused."));

        heap.send(WebhookDeliveries.page(connector.tokenId(), 61, "Buyers", "task-2", 1, 1, List.of("m2"), List.of()));
        awaitHealth(ConnectorSyncStatus.Health.HEALTHY);
        now = now.plusSeconds(30);
        alerts.evaluateAndNotify();
        alerts.evaluateAndNotify();
        assertThat(received).filteredOn(body -> body.contains(connector.name())).hasSize(2).last().satisfies(body ->
                assertThat(body).contains(":white_check_mark: Audience Hub: resolved, " + subject.replace("\"", "\\\"")
                        + " is failing no longer"));
        assertThat(opened(subject)).isEmpty();
        assertThat(metrics.find("audiencehub.alerts.open").tags("subject", subject).gauge()).isNull();
        assertThat(HeapConnectorsForTests.asAdmin(security, () -> alerts.recent(0, 50))).filteredOn(incident ->
                incident.subject().equals(subject)).singleElement().satisfies(incident ->
                assertThat(incident.resolvedAt()).isEqualTo(now));
    }

    @Test
    void aRunningCampaignOnAnAudienceWithoutKnownVisitorsIsAnIncidentUntilItEnds() {
        new WebhookDeliveries(port).send(WebhookDeliveries.page(connector.tokenId(), 62, "Nobody known", "task-1", 1, 1,
                List.of("stranger-" + UUID.randomUUID()), List.of()));
        String name = "Banner " + UUID.randomUUID().toString().substring(0, 8);
        long campaignId = HeapConnectorsForTests.asAdmin(security, () -> {
            long audienceId = audiences.page(connector.id(), "Nobody known", false, 0, 1).get(0).id();
            long segmentId = segments.create("Segment of " + name, new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
                    new Group(Combinator.ALL, List.of(new Condition(new Criterion.ExternalAudience(connector.id(),
                            audienceId), false))))).id();
            long id = campaigns.create(new CampaignDraft(name, CampaignType.PERSONALIZATION, true, List.of(segmentId),
                    100, List.of(new Variation("v", "Banner", 100, "{}", null, null)), null, null)).id();
            // an admin confirmed the start on an audience the hub knows nobody in
            campaigns.startAnyway(id);
            return id;
        });
        String subject = "Campaign \"" + name + "\"";

        alerts.evaluateAndNotify();
        assertThat(opened(subject)).singleElement().satisfies(incident -> {
            assertThat(incident.kind()).isEqualTo(IncidentKind.CAMPAIGN_AUDIENCE_EMPTY);
            assertThat(incident.detail()).isEqualTo("\"Nobody known\" is empty: no member matched a known visitor yet");
        });
        assertThat(received).filteredOn(body -> body.contains(name)).hasSize(1);

        HeapConnectorsForTests.asAdmin(security, () -> campaigns.end(campaignId));
        alerts.evaluateAndNotify();
        assertThat(opened(subject)).isEmpty();
        assertThat(received).filteredOn(body -> body.contains(name)).hasSize(2);
    }

    @Test
    void aMixpanelConnectorWhoseLatestCallWasRefusedIsAnIncidentLikeAnyOther() {
        NewMixpanelSource source = HeapConnectorsForTests.asAdmin(security, () -> mixpanel.create("Mixpanel "
                + UUID.randomUUID().toString().substring(0, 8), ""));
        MixpanelDeliveries deliveries = new MixpanelDeliveries(port, source);
        assertThat(deliveries.send(MixpanelDeliveries.call("members", "7", "s-1", 1, 1,
                List.of(MixpanelDeliveries.member("m1")))).statusCode()).isEqualTo(200);
        assertThat(deliveries.send(MixpanelDeliveries.call("members", "7", "s-2", 3, 1,
                List.of(MixpanelDeliveries.member("m2")))).statusCode()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(20)).until(() -> HeapConnectorsForTests.asAdmin(security,
                () -> sync.statuses(List.of(source.connector().id())).get(source.connector().id()).health())
                == ConnectorSyncStatus.Health.FAILING);

        alerts.evaluateAndNotify();

        assertThat(opened("Connector \"" + source.connector().name() + "\"")).singleElement()
                .extracting(Incident::kind).isEqualTo(IncidentKind.CONNECTOR_FAILING);
    }

    @Test
    void theRetryDelayDoublesUpToItsLimit() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 20)).extracting(alerts::retryDelay).containsExactly(Duration.ofSeconds(30),
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                Duration.ofMinutes(10), Duration.ofMinutes(10));
    }

    private List<Incident> opened(String subject) {
        return incidents.open().stream().filter(incident -> incident.subject().equals(subject)).toList();
    }

    private void awaitHealth(ConnectorSyncStatus.Health health) {
        await().atMost(Duration.ofSeconds(20)).until(() -> HeapConnectorsForTests.asAdmin(security,
                () -> sync.statuses(List.of(connector.id())).get(connector.id()).health()) == health);
    }
}
