package io.audiencehub.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.campaign.Decider.Snapshot;
import io.audiencehub.segment.AudienceMembership;
import io.audiencehub.campaign.CampaignExplanation.Reason;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.CriterionText;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentEvaluation;
import io.audiencehub.segment.SegmentExplainer.SegmentVerdict;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.VisitorContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decision over a snapshot, with an audience 7 that holds ann and bob, and bob and cid on phones. */
class DeciderTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final SegmentDefinition BUYERS = external(7);
    private static final SegmentDefinition MOBILE = new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
            new Group(Combinator.ALL, List.of(new Condition(new Criterion.DeviceType(Criterion.Device.MOBILE), false))));
    private static final SegmentDefinition NOT_BUYERS = new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
            new Group(Combinator.ALL, List.of(new Condition(new Criterion.ExternalAudience(1, 7), true))));

    private static final Set<String> AUDIENCE_7 = Set.of("ann", "bob");
    private static final Set<String> ON_PHONES = Set.of("bob", "cid");

    private final List<String> counted = new ArrayList<>();
    private final Map<Long, SegmentDefinition> definitions = Map.of(100L, BUYERS, 101L, MOBILE, 102L, NOT_BUYERS);
    private final List<String> audienceLookups = new ArrayList<>();
    private final SegmentEvaluation evaluation = new SegmentEvaluation(new AudienceMembership() {
        @Override
        public boolean isMember(long audienceId, String visitorId) {
            throw new AssertionError("a decision lists a visitor's audiences once instead of asking audience by audience");
        }

        @Override
        public long[] audienceIdsOf(String visitorId) {
            audienceLookups.add(visitorId);
            return AUDIENCE_7.contains(visitorId) ? new long[] {7} : new long[0];
        }
    });
    private final KeptInMemory kept = new KeptInMemory();
    private final Decider decider = new Decider((live, variation) ->
            counted.add(live.campaign().name() + "/" + live.campaign().variations().get(variation).name()), kept);

    @Test
    void allNeedsEverySegmentAndSomeNeedsOne() {
        Snapshot live = snapshot(campaign(1, "Both", true, CampaignStatus.RUNNING, 100, 101),
                campaign(2, "Either", false, CampaignStatus.RUNNING, 100, 101));

        assertThat(campaignsOf(live, "bob")).containsExactly("Both", "Either");
        assertThat(campaignsOf(live, "ann")).containsExactly("Either");
        assertThat(campaignsOf(live, "dan")).isEmpty();
        assertThat(decider.decide(live, visitor("bob"), NOW, true, Map.of(), true).campaigns())
                .extracting(Decisions.Decision::matchedSegments).containsExactly(List.of(100L, 101L), List.of(100L, 101L));
        assertThat(decider.decide(live, visitor("ann"), NOW, true, Map.of(), true).campaigns())
                .extracting(Decisions.Decision::matchedSegments).containsExactly(List.of(100L));
        assertThat(counted).containsExactly("Both/Banner", "Either/Banner", "Either/Banner", "Both/Banner",
                "Either/Banner", "Either/Banner");
    }

    @Test
    void withoutMatchedSegmentsEveryVisitorGetsTheCampaignsSameDecisionObjects() {
        Snapshot live = snapshot(campaign(2, "Either", false, CampaignStatus.RUNNING, 100, 101));

        Decisions.Decision bob = decider.decide(live, visitor("bob"), NOW, true, Map.of(), false).campaigns().get(0);
        Decisions.Decision ann = decider.decide(live, visitor("ann"), NOW, true, Map.of(), false).campaigns().get(0);

        assertThat(bob.matchedSegments()).isNull();
        assertThat(ann).as("built once per snapshot, not per decision").isSameAs(bob);
        assertThat(bob.variationKey()).isEqualTo(decider.decide(live, visitor("bob"), NOW, true, Map.of(), true)
                .campaigns().get(0).variationKey());
    }

    @Test
    void aVisitorsAudiencesAreListedOncePerDecisionWhateverTheSegmentsAndCampaignsAsk() {
        Snapshot live = snapshot(campaign(1, "First", true, CampaignStatus.RUNNING, 100),
                campaign(2, "Second", true, CampaignStatus.RUNNING, 100, 101),
                campaign(3, "Third", false, CampaignStatus.RUNNING, 101, 102));

        assertThat(campaignsOf(live, "bob")).containsExactly("First", "Second", "Third");
        assertThat(audienceLookups).as("the visitor's audiences, listed once per decision").containsExactly("bob");
        assertThat(campaignsOf(live, "dan")).containsExactly("Third");
        assertThat(audienceLookups).containsExactly("bob", "dan");
    }

    @Test
    void onlyRunningCampaignsWithinTheirDatesDecide() {
        Campaign paused = campaign(3, "Paused", true, CampaignStatus.PAUSED, 101);
        Campaign future = new Campaign(4, "Future", CampaignType.PERSONALIZATION, true, List.of(101L), 100, false,
                List.of(banner()), NOW.plusSeconds(60), null, CampaignStatus.RUNNING, "admin", NOW);
        Campaign over = new Campaign(5, "Over", CampaignType.PERSONALIZATION, true, List.of(101L), 100, false,
                List.of(banner()), null, NOW, CampaignStatus.RUNNING, "admin", NOW);

        assertThat(campaignsOf(snapshot(paused, future, over), "bob")).isEmpty();
    }

    @Test
    void beforeTheAudiencesAreLoadedCampaignsThatReadThemAreLeftOutAndTheAnswerIsStale() {
        Snapshot live = snapshot(campaign(6, "Not buyers", true, CampaignStatus.RUNNING, 102),
                campaign(7, "Mobile", true, CampaignStatus.RUNNING, 101));

        Decisions loading = decider.decide(live, visitor("cid"), NOW, false, Map.of(), true);
        assertThat(loading.stale()).isTrue();
        assertThat(loading.campaigns()).extracting(Decisions.Decision::campaign)
                .as("'is not in' an audience never loaded must not match everyone").containsExactly("Mobile");

        Decisions loaded = decider.decide(live, visitor("cid"), NOW, true, Map.of(), true);
        assertThat(loaded.stale()).isFalse();
        assertThat(loaded.campaigns()).extracting(Decisions.Decision::campaign).containsExactly("Not buyers", "Mobile");
    }

    @Test
    void trafficAllocationKeepsOutTheVisitorsAboveIt() {
        Snapshot tenPercent = snapshot(new Campaign(8, "Ten", CampaignType.PERSONALIZATION, true, List.of(101L), 10, false,
                List.of(banner()), null, null, CampaignStatus.RUNNING, "admin", NOW));
        long entered = 0;
        for (int i = 0; i < 10_000; i++) {
            entered += new Decider((live, variation) -> { }, kept)
                    .decide(tenPercent, onPhone("v" + i), NOW, true, Map.of(), true).campaigns().size();
        }
        assertThat(entered).isBetween(900L, 1_100L);
    }

    @Test
    void theExplanationAnswersAsTheDecisionDoesForEveryVisitor() {
        Snapshot live = snapshot(campaign(1, "Both", true, CampaignStatus.RUNNING, 100, 101),
                campaign(2, "Either", false, CampaignStatus.RUNNING, 100, 101),
                campaign(6, "Not buyers", true, CampaignStatus.RUNNING, 102),
                new Campaign(8, "Half", CampaignType.AB_TEST, true, List.of(101L), 50, false, List.of(banner(),
                        new Variation("other", "Other", 100, null, null, null)), null, null, CampaignStatus.RUNNING,
                        "admin", NOW));
        for (String visitorId : List.of("ann", "bob", "cid", "dan")) {
            VisitorContext visitor = visitor(visitorId);
            List<String> decided = decider.decide(live, visitor, NOW, true, Map.of(), false).campaigns().stream()
                    .map(decision -> decision.campaign() + "/" + decision.variation()).toList();
            assertThat(explain(live, visitor, true).stream().filter(why -> why.reason() == Reason.ENTERED)
                    .map(why -> why.campaign() + "/" + why.variation()).toList()).as(visitorId).isEqualTo(decided);
        }
        for (int i = 0; i < 200; i++) {
            VisitorContext phone = onPhone("p" + i);
            assertThat(explain(live, phone, true).stream().filter(why -> why.reason() == Reason.ENTERED)
                    .map(CampaignExplanation::campaign).toList()).isEqualTo(decider.decide(live, phone, NOW, true,
                    Map.of(), false).campaigns().stream().map(Decisions.Decision::campaign).toList());
        }
    }

    @Test
    void everyReasonCodeSaysWhyInWords() {
        Campaign future = new Campaign(4, "Future", CampaignType.PERSONALIZATION, true, List.of(101L), 100, false,
                List.of(banner()), Instant.parse("2026-12-24T08:00:00Z"), null, CampaignStatus.RUNNING, "admin", NOW);
        Campaign over = new Campaign(5, "Over", CampaignType.PERSONALIZATION, true, List.of(101L), 100, false,
                List.of(banner()), null, NOW, CampaignStatus.RUNNING, "admin", NOW);
        Campaign none = new Campaign(9, "Nobody", CampaignType.PERSONALIZATION, true, List.of(101L), 1, false,
                List.of(banner()), null, null, CampaignStatus.RUNNING, "admin", NOW);
        Snapshot live = snapshot(campaign(1, "Both", true, CampaignStatus.RUNNING, 100, 101), future, over,
                campaign(6, "Not buyers", true, CampaignStatus.RUNNING, 102), none,
                campaign(3, "Paused", true, CampaignStatus.PAUSED, 101));

        List<CampaignExplanation> ann = explain(live, visitor("ann"), true);
        assertThat(ann).extracting(CampaignExplanation::campaign, CampaignExplanation::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Both", Reason.NOT_IN_SEGMENTS),
                org.assertj.core.groups.Tuple.tuple("Future", Reason.NOT_STARTED),
                org.assertj.core.groups.Tuple.tuple("Over", Reason.ENDED),
                org.assertj.core.groups.Tuple.tuple("Not buyers", Reason.NOT_IN_SEGMENTS),
                org.assertj.core.groups.Tuple.tuple("Nobody", Reason.NOT_IN_SEGMENTS));
        assertThat(ann.get(0).why()).isEqualTo("not in every segment it targets, \"segment 101\": device is not mobile");
        assertThat(ann.get(1).why()).isEqualTo("not started: it starts 2026-12-24 08:00 UTC");
        assertThat(ann.get(2).why()).isEqualTo("ended 2026-11-30 12:00 UTC");
        assertThat(ann.get(3).why()).isEqualTo("not in its segment \"segment 102\": is in audience 7");

        List<CampaignExplanation> bob = explain(live, visitor("bob"), true);
        assertThat(bob.get(0).reason()).isEqualTo(Reason.ENTERED);
        assertThat(bob.get(0).variation()).isEqualTo("Banner");
        assertThat(bob.get(0).why()).isEqualTo("entered: sees \"Banner\" (bucket " + bob.get(0).bucket()
                + " of 10000, within the 100 % allocation)");
        CampaignExplanation outside = bob.get(4);
        assertThat(outside.reason()).as("1 %% of traffic: bucket %d", outside.bucket()).isEqualTo(
                outside.bucket() < 100 ? Reason.ENTERED : Reason.OUTSIDE_TRAFFIC);
        if (outside.reason() == Reason.OUTSIDE_TRAFFIC) {
            assertThat(outside.why()).isEqualTo("outside the traffic allocation: bucket " + outside.bucket()
                    + " of 10000, the campaign takes buckets below 100 (1 %)");
        }

        assertThat(explain(live, visitor("cid"), false)).filteredOn(why -> why.campaign().equals("Not buyers"))
                .singleElement().satisfies(why -> {
                    assertThat(why.reason()).isEqualTo(Reason.AUDIENCES_NOT_LOADED);
                    assertThat(why.why()).startsWith("not decided: it targets imported audiences this hub has not loaded");
                });
        VisitorContext unknownDevice = new VisitorContext("ann", null, null, null, null, null, null, null, NOW);
        assertThat(explain(live, unknownDevice, true).get(0).segments()).filteredOn(verdict -> !verdict.matched())
                .singleElement().satisfies(verdict -> assertThat(verdict.unknown()).isTrue());
    }

    /** The explanation, with each segment's verdict in words as the explainer phrases them, names "segment <id>". */
    private List<CampaignExplanation> explain(Snapshot live, VisitorContext visitor, boolean loaded) {
        SegmentEvaluation explaining = new SegmentEvaluation((audienceId, visitorId) -> audienceId == 7
                && AUDIENCE_7.contains(visitorId));
        Map<Long, SegmentVerdict> verdicts = new java.util.HashMap<>();
        live.definitions().forEach((id, definition) -> {
            List<SegmentEvaluation.Unmet> unmet = explaining.unmet(definition, visitor);
            verdicts.put(id, new SegmentVerdict(id, "segment " + id, unmet.isEmpty(), unmet.stream()
                    .map(why -> CriterionText.describe(why.condition().criterion(), !why.condition().negated(),
                            audience -> "audience " + audience.audienceId())).toList(),
                    unmet.stream().anyMatch(SegmentEvaluation.Unmet::unknown)));
        });
        return Decider.explain(live, visitor, NOW, loaded, verdicts, null, Map.of());
    }

    private List<String> campaignsOf(Snapshot live, String visitorId) {
        return decider.decide(live, visitor(visitorId), NOW, true, Map.of(), true).campaigns().stream()
                .map(Decisions.Decision::campaign).toList();
    }

    private Snapshot snapshot(Campaign... campaigns) {
        return Snapshot.of(List.of(campaigns), definitions, evaluation::prepare);
    }

    private static Campaign campaign(long id, String name, boolean all, CampaignStatus status, long... segmentIds) {
        return new Campaign(id, name, CampaignType.PERSONALIZATION, all, Arrays.stream(segmentIds).boxed().toList(), 100, false,
                List.of(banner()), null, null, status, "admin", NOW);
    }

    private static Variation banner() {
        return new Variation("banner", "Banner", 100, "{\"banner\": \"hi\"}", null, null);
    }

    private static SegmentDefinition external(long audienceId) {
        return new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
                new Group(Combinator.ALL, List.of(new Condition(new Criterion.ExternalAudience(1, audienceId), false))));
    }

    private static VisitorContext visitor(String id) {
        return ON_PHONES.contains(id) ? onPhone(id)
                : new VisitorContext(id, null, Criterion.Device.DESKTOP, null, null, null, null, Map.of(), NOW);
    }

    private static VisitorContext onPhone(String id) {
        return new VisitorContext(id, null, Criterion.Device.MOBILE, null, null, null, null, Map.of(), NOW);
    }
}
