package io.audiencehub.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.ErasureService;
import io.audiencehub.connector.HeapConnectedTest;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.segment.SegmentsForTests;
import io.audiencehub.segment.VisitorContext;
import io.audiencehub.sync.WebhookDeliveries;
import io.audiencehub.sync.SyncGuardService;
import io.audiencehub.sync.SyncGuardsForTests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sticky exposure on a real hub: a running A/B test on a Heap audience keeps a member the audience then
 * drops, counts the drift, shares what it keeps with other hubs through the database and loads it again
 * after a restart; an erasure takes it away.
 */
class StickyExposureIntegrationTest extends HeapConnectedTest {

    @Autowired
    AudienceService audiences;
    @Autowired
    SegmentService segments;
    @Autowired
    CampaignService campaigns;
    @Autowired
    DecisionService decisions;
    @Autowired
    ExposureKeeper keeper;
    @Autowired
    ExposureRepository exposures;
    @Autowired
    ErasureService erasures;
    @Autowired
    DecisionExplainer explainer;
    @Autowired
    SyncGuardService guards;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEventPublisher events;

    private String suffix;
    private String member;
    private long campaignId;

    @BeforeEach
    void aRunningAbTestOnAHeapAudience() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        member = "member-" + suffix;
        sync("task-1", List.of(member), List.of());
        long audienceId = HeapConnectorsForTests.asAdmin(security,
                () -> audiences.page(connector.id(), "", false, 0, 1).get(0)).id();
        campaignId = HeapConnectorsForTests.asAdmin(security, () -> {
            long segmentId = segments.create("Sticky buyers " + suffix, SegmentsForTests.memberOf(connector.id(), audienceId)).id();
            long created = campaigns.create(new CampaignDraft("Sticky test " + suffix, CampaignType.AB_TEST, true,
                    List.of(segmentId), 100, List.of(new Variation("original", "Original", 50, null, null, null),
                    new Variation("hero", "Hero", 50, "{\"hero\": \"big\"}", null, null)), null, null)).id();
            return campaigns.startAnyway(created).id();
        });
        assertThat(campaigns().keepVisitors()).as("an A/B test keeps its visitors by default").isTrue();
    }

    @Test
    void aMemberTheHeapSegmentDropsKeepsItsVariationAndTheDriftIsCounted() {
        String first = variationOf(member);
        assertThat(first).isNotNull();

        // the run empties an audience a running campaign targets: the guard would hold it (SyncGuardIntegrationTest)
        SyncGuardsForTests.turnOff(guards, security, connector.id());
        sync("task-2", List.of(), List.of(member));
        await().atMost(Duration.ofSeconds(10)).until(() -> HeapConnectorsForTests.asAdmin(security,
                () -> audiences.page(connector.id(), "", false, 0, 1).get(0).memberCount()) == 0);

        assertThat(variationOf(member)).as("kept with the same variation").isEqualTo(first);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(summary().keptVisitors())
                .isEqualTo(new CampaignSummary.KeptVisitors(1, 1)));
        assertThat(jdbc.sql("SELECT variation_key FROM campaign_exposure WHERE campaign_id = ?").param(campaignId)
                .query(String.class).single()).isEqualTo(first);
        CampaignExplanation why = HeapConnectorsForTests.asAdmin(security, () -> explainer.explain(member,
                new PageContext(null, null, null, null, null, null, null))).campaigns().stream()
                .filter(each -> each.campaignId() == campaignId).findFirst().orElseThrow();
        assertThat(why.reason()).isEqualTo(CampaignExplanation.Reason.KEPT);
        assertThat(why.variationKey()).isEqualTo(first);
        assertThat(why.why()).startsWith("kept: entered on " + java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        assertThat(why.segments()).singleElement().satisfies(verdict -> assertThat(verdict.matched()).isFalse());
    }

    @Test
    void anExposureAnotherHubStoredIsKeptHereWithinFiveSeconds() {
        String elsewhere = "elsewhere-" + suffix;
        assertThat(variationOf(elsewhere)).as("in no audience: not targeted").isNull();

        // what another hub's keeper writes when it decides the visitor in
        jdbc.sql("""
                        INSERT INTO campaign_exposure (campaign_id, visitor_key, variation_key, entered_at)
                        VALUES (?, ?, 'hero', NOW(3))
                        """).params(campaignId, Exposures.visitorKey(elsewhere)).update();

        await().atMost(Duration.ofSeconds(5)).until(() -> "hero".equals(variationOf(elsewhere)));
    }

    @Test
    void aRestartedHubLoadsTheVisitorsCampaignsKeep() {
        String first = variationOf(member);
        keeper.runOnce();

        ExposureKeeper restarted = new ExposureKeeper(exposures, transaction, Clock.systemUTC(), events,
                new SimpleMeterRegistry());
        assertThat(restarted.loaded()).isFalse();
        restarted.start();
        try {
            assertThat(restarted.loaded()).isTrue();
            long[] held = restarted.heldBy(Exposures.visitorKey(member));
            int kept = Exposures.find(held, campaignId, 0);
            assertThat(kept).as("kept after the restart").isNotNegative();
            assertThat(Exposures.variationKeyHashAt(held, kept)).isEqualTo(Assignment.keyHash(first));
            assertThat(restarted.exposed(campaignId)).isEqualTo(1);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aDatabaseThatCannotKeepUpDefersNewExposuresInsteadOfFillingTheHeap() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        ExposureKeeper behind = new ExposureKeeper(exposures, transaction, Clock.systemUTC(), events, metrics, 2);
        Campaign campaign = campaigns();
        Variation hero = campaign.variations().get(1);
        behind.entered(1, campaign, hero, Assignment.keyHash(hero.key()));
        behind.entered(2, campaign, hero, Assignment.keyHash(hero.key()));
        behind.entered(3, campaign, hero, Assignment.keyHash(hero.key()));

        assertThat(behind.exposed(campaignId)).as("the third waits for room").isEqualTo(2);
        assertThat(behind.heldBy(3)).isNull();
        assertThat(metrics.counter("audiencehub.exposures.deferred").count()).isEqualTo(1);
        behind.runOnce();
        behind.entered(3, campaign, hero, Assignment.keyHash(hero.key()));
        assertThat(behind.exposed(campaignId)).as("kept once the writes caught up").isEqualTo(3);
    }

    @Test
    void anErasedVisitorLeavesTheCampaignsThatKeptIt() {
        variationOf(member);
        keeper.runOnce();
        assertThat(exposures.ofVisitor(Exposures.visitorKey(member)))
                .extracting(ExposureRepository.VisitorExposure::campaignId).contains(campaignId);

        HeapConnectorsForTests.asAdmin(security, () -> erasures.erase(member));

        assertThat(exposures.ofVisitor(Exposures.visitorKey(member))).isEmpty();
        assertThat(keeper.heldBy(Exposures.visitorKey(member))).isNull();
        assertThat(keeper.exposed(campaignId)).isZero();
    }

    @Test
    void aRunningTestKeepsItsRuleUntilPaused() {
        Campaign running = campaigns();
        CampaignDraft notKeeping = new CampaignDraft(running.name(), running.type(), running.allSegments(),
                running.segmentIds(), running.trafficPercent(), false, running.variations(), null, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HeapConnectorsForTests.asAdmin(security,
                        () -> campaigns.save(campaignId, notKeeping)))
                .hasRootCauseInstanceOf(CampaignException.class).rootCause().hasMessageContaining("Pause it first");
        HeapConnectorsForTests.asAdmin(security, () -> campaigns.pause(campaignId));
        assertThat(HeapConnectorsForTests.asAdmin(security, () -> campaigns.save(campaignId, notKeeping))
                .keepVisitors()).isFalse();
    }

    private void sync(String task, List<String> added, List<String> removed) {
        new WebhookDeliveries(port).send(WebhookDeliveries.page(connector.tokenId(), 41, "Sticky buyers", task, 1, 1,
                added, removed));
    }

    private String variationOf(String visitorId) {
        return decisions.decide(new VisitorContext(visitorId, null, null, null, null, null, null, null, Instant.now()),
                Instant.now(), false).campaigns().stream().filter(decision -> decision.campaignId() == campaignId)
                .map(Decisions.Decision::variationKey).findFirst().orElse(null);
    }

    private Campaign campaigns() {
        return HeapConnectorsForTests.asAdmin(security, () -> campaigns.find(campaignId).orElseThrow());
    }

    private CampaignSummary summary() {
        return HeapConnectorsForTests.asAdmin(security, () -> campaigns.summaries(0, 10_000)).stream()
                .filter(each -> each.id() == campaignId).findFirst().orElseThrow();
    }
}
