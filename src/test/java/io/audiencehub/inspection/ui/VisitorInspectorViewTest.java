package io.audiencehub.inspection.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.audiencehub.KaribuTest;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.campaign.CampaignDraft;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.campaign.CampaignType;
import io.audiencehub.campaign.Variation;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.inspection.VisitorInspection.Departure;
import io.audiencehub.inspection.VisitorInspection.Membership;
import io.audiencehub.inspection.VisitorInspection.Outcome;
import io.audiencehub.sandbox.heap.SandboxOAuthService;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.sync.WebhookDeliveries;
import io.audiencehub.sync.SyncGuardService;
import io.audiencehub.sync.SyncGuardsForTests;
import io.audiencehub.visitor.VisitorService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** The inspector answers a member and a stranger of a Heap audience that a running campaign targets. */
class VisitorInspectorViewTest extends KaribuTest {

    @Autowired
    ConnectorService connectors;
    @Autowired
    SandboxOAuthService sandbox;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    AudienceService audiences;
    @Autowired
    SegmentService segments;
    @Autowired
    CampaignService campaigns;
    @Autowired
    VisitorService visitors;

    private Connector connector;
    @Autowired
    SyncGuardService guards;
    private String suffix;
    private String campaign;

    @BeforeEach
    void aCampaignOnAHeapAudience() {
        connector = HeapConnectorsForTests.connect(heapAuthorization, connectors, sandbox, security, port);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        new WebhookDeliveries(port).send(WebhookDeliveries.page(connector.tokenId(), 51, "Free customers", "task-1", 1, 1,
                List.of("member-" + suffix), List.of()));
        visitors.report("member-" + suffix);
        visitors.flush();
        campaign = "Upgrade offer " + suffix;
        HeapConnectorsForTests.asAdmin(security, () -> {
            long audienceId = audiences.page(connector.id(), "", false, 0, 1).get(0).id();
            long segmentId = segments.create("Free customers " + suffix, new SegmentDefinition(
                    SegmentDefinition.CURRENT_VERSION, new Group(Combinator.ALL, List.of(
                    new Condition(new Criterion.ExternalAudience(connector.id(), audienceId), false))))).id();
            return campaigns.startAnyway(campaigns.create(new CampaignDraft(campaign, CampaignType.PERSONALIZATION, true,
                    List.of(segmentId), 100, List.of(new Variation("offer", "Upgrade banner", 100, "{}", null, null)),
                    null, null)).id());
        });
    }

    @Test
    void theDemoSitesLinkInspectsAMemberWhoEntersWithItsAudienceAndVariation() {
        login("vera", "VIEWER");
        UI.getCurrent().navigate("visitors/inspect", QueryParameters.of("visitor", "member-" + suffix));

        assertThat(_get(Paragraph.class, spec -> spec.withId("inspection-visitor")).getText())
                .startsWith("Known to the hub: first seen ");
        assertThat(_get(Paragraph.class, spec -> spec.withId("inspection-context")).getText())
                .startsWith("No page context given");
        assertThat(audiencesShown()).extracting(Membership::connector, Membership::audience)
                .contains(org.assertj.core.groups.Tuple.tuple("Heap Analytics - " + connector.name(), "Free customers"));
        assertThat(audiencesShown()).filteredOn(membership -> membership.connectorId() == connector.id())
                .singleElement().extracting(Membership::sinceSync).as("in since the run that brought it in")
                .isEqualTo("task-1");
        Outcome ours = ours();
        assertThat(ours.entered()).isTrue();
        assertThat(row(ours)).contains("Entered").anySatisfy(cell -> assertThat(cell)
                .startsWith("entered: sees \"Upgrade banner\""));
    }

    @Test
    void aStrangerIsToldTheAudienceItIsNotInAndABadIdSaysWhatIsWrong() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("visitors/inspect");
        _setValue(_get(TextField.class, spec -> spec.withId("inspect-visitor-id")), "stranger-" + suffix);
        _click(_get(Button.class, spec -> spec.withId("inspect-visitor")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("inspection-visitor")).getText())
                .startsWith("Not known to the hub");
        assertThat(row(ours())).contains("Not in the segments", "not in its segment \"Free customers " + suffix
                + "\": is not in Heap Analytics - " + connector.name() + " / Free customers");

        TextField id = _get(TextField.class, spec -> spec.withId("inspect-visitor-id"));
        _setValue(id, "not an id!");
        _click(_get(Button.class, spec -> spec.withId("inspect-visitor")));
        assertThat(id.isInvalid()).isTrue();
        assertThat(id.getErrorMessage()).contains("visitor_id");
    }

    @Test
    void aMemberASyncRemovedIsShownLeavingWithTheRunThatRemovedIt() {
        // the run empties an audience a running campaign targets: the guard would hold it (SyncGuardIntegrationTest)
        SyncGuardsForTests.turnOff(guards, security, connector.id());
        new WebhookDeliveries(port).send(WebhookDeliveries.page(connector.tokenId(), 51, "Free customers", "task-2", 1, 1,
                List.of(), List.of("member-" + suffix)));
        login("vera", "VIEWER");
        UI.getCurrent().navigate("visitors/inspect", QueryParameters.of("visitor", "member-" + suffix));

        assertThat(audiencesShown()).noneMatch(membership -> membership.connectorId() == connector.id());
        @SuppressWarnings("unchecked")
        Grid<Departure> departures = _get(Grid.class, spec -> spec.withId("inspection-departures"));
        assertThat(_findAll(departures)).singleElement().satisfies(departure -> {
            assertThat(departure.audience()).isEqualTo("Free customers");
            assertThat(departure.bySync()).isEqualTo("task-2");
        });
        assertThat(_getFormattedRow(departures, 0)).anySatisfy(cell -> assertThat(cell).endsWith("(sync task-2)"));
        assertThat(row(ours())).contains("Not in the segments");
    }

    @SuppressWarnings("unchecked")
    private static List<Membership> audiencesShown() {
        return _findAll(_get(Grid.class, spec -> spec.withId("inspection-audiences")));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Outcome> campaignsGrid() {
        return _get(Grid.class, spec -> spec.withId("inspection-campaigns"));
    }

    private Outcome ours() {
        return _findAll(campaignsGrid()).stream().filter(why -> why.campaign().equals(campaign)).findFirst()
                .orElseThrow();
    }

    private List<String> row(Outcome why) {
        Grid<Outcome> grid = campaignsGrid();
        return _getFormattedRow(grid, _findAll(grid).indexOf(why));
    }
}
