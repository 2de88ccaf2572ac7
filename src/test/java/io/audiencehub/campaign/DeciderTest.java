package io.audiencehub.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.campaign.Decider.Live;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.VisitorContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decision over a snapshot, with segments decided by a stand-in that knows who is in which. */
class DeciderTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final SegmentDefinition BUYERS = external(7);
    private static final SegmentDefinition MOBILE = new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
            new Group(Combinator.ALL, List.of(new Condition(new Criterion.DeviceType(Criterion.Device.MOBILE), false))));
    private static final SegmentDefinition NOT_BUYERS = new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
            new Group(Combinator.ALL, List.of(new Condition(new Criterion.ExternalAudience(1, 7), true))));

    private final Map<SegmentDefinition, Set<String>> members = Map.of(BUYERS, Set.of("ann", "bob"),
            MOBILE, Set.of("bob", "cid"), NOT_BUYERS, Set.of("cid", "dan"));
    private final List<String> counted = new ArrayList<>();
    private final Decider decider = new Decider(visitor -> segment -> members.get(segment).contains(visitor.visitorId()),
            (campaign, variation) -> counted.add(campaign.name() + "/" + variation.name()));

    @Test
    void allNeedsEverySegmentAndSomeNeedsOne() {
        List<Live> live = List.of(live(1, "Both", true, CampaignStatus.RUNNING, BUYERS, MOBILE),
                live(2, "Either", false, CampaignStatus.RUNNING, BUYERS, MOBILE));

        assertThat(campaignsOf(live, "bob")).containsExactly("Both", "Either");
        assertThat(campaignsOf(live, "ann")).containsExactly("Either");
        assertThat(campaignsOf(live, "dan")).isEmpty();
        assertThat(decider.decide(live, visitor("bob"), NOW, true, false).campaigns().get(0).matchedSegments())
                .containsExactly(100L, 101L);
        assertThat(counted).containsExactly("Both/Banner", "Either/Banner", "Either/Banner", "Both/Banner",
                "Either/Banner");
    }

    @Test
    void onlyRunningCampaignsWithinTheirDatesDecide() {
        Live paused = live(3, "Paused", true, CampaignStatus.PAUSED, MOBILE);
        Live future = Live.of(new Campaign(4, "Future", CampaignType.PERSONALIZATION, true, List.of(100L), 100,
                List.of(banner()), NOW.plusSeconds(60), null, CampaignStatus.RUNNING, "admin", NOW), List.of(MOBILE));
        Live over = Live.of(new Campaign(5, "Over", CampaignType.PERSONALIZATION, true, List.of(100L), 100,
                List.of(banner()), null, NOW, CampaignStatus.RUNNING, "admin", NOW), List.of(MOBILE));

        assertThat(campaignsOf(List.of(paused, future, over), "bob")).isEmpty();
    }

    @Test
    void beforeTheAudiencesAreLoadedCampaignsThatReadThemAreLeftOutAndTheAnswerIsStale() {
        List<Live> live = List.of(live(6, "Not buyers", true, CampaignStatus.RUNNING, NOT_BUYERS),
                live(7, "Mobile", true, CampaignStatus.RUNNING, MOBILE));

        Decisions loading = decider.decide(live, visitor("cid"), NOW, false, false);
        assertThat(loading.stale()).isTrue();
        assertThat(loading.campaigns()).extracting(Decisions.Decision::campaign)
                .as("'is not in' an audience never loaded must not match everyone").containsExactly("Mobile");

        Decisions loaded = decider.decide(live, visitor("cid"), NOW, true, false);
        assertThat(loaded.stale()).isFalse();
        assertThat(loaded.campaigns()).extracting(Decisions.Decision::campaign).containsExactly("Not buyers", "Mobile");
    }

    @Test
    void trafficAllocationKeepsOutTheVisitorsAboveIt() {
        Live tenPercent = Live.of(new Campaign(8, "Ten", CampaignType.PERSONALIZATION, true, List.of(100L), 10,
                List.of(banner()), null, null, CampaignStatus.RUNNING, "admin", NOW), List.of(MOBILE));
        long entered = 0;
        for (int i = 0; i < 10_000; i++) {
            String id = "v" + i;
            entered += new Decider(visitor -> segment -> true, (campaign, variation) -> { })
                    .decide(List.of(tenPercent), visitor(id), NOW, true, false).campaigns().size();
        }
        assertThat(entered).isBetween(900L, 1_100L);
    }

    private List<String> campaignsOf(List<Live> live, String visitorId) {
        return decider.decide(live, visitor(visitorId), NOW, true, false).campaigns().stream()
                .map(Decisions.Decision::campaign).toList();
    }

    private static Live live(long id, String name, boolean all, CampaignStatus status, SegmentDefinition... segments) {
        List<Long> segmentIds = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            segmentIds.add(100L + i);
        }
        return Live.of(new Campaign(id, name, CampaignType.PERSONALIZATION, all, segmentIds, 100, List.of(banner()),
                null, null, status, "admin", NOW), List.of(segments));
    }

    private static Variation banner() {
        return new Variation("banner", "Banner", 100, "{\"banner\": \"hi\"}", null, null);
    }

    private static SegmentDefinition external(long audienceId) {
        return new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
                new Group(Combinator.ALL, List.of(new Condition(new Criterion.ExternalAudience(1, audienceId), false))));
    }

    private static VisitorContext visitor(String id) {
        return new VisitorContext(id, null, null, null, null, null, null, Map.of(), NOW);
    }
}
