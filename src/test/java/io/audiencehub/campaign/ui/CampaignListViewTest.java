package io.audiencehub.campaign.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.audiencehub.KaribuTest;
import io.audiencehub.base.ui.EmptyState;
import io.audiencehub.campaign.CampaignDraft;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.campaign.CampaignStatus;
import io.audiencehub.campaign.CampaignSummary;
import io.audiencehub.campaign.CampaignType;
import io.audiencehub.campaign.Variation;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.sync.WebhookDeliveries;
import io.audiencehub.segment.SegmentService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

class CampaignListViewTest extends KaribuTest {

    @Autowired
    AudienceService audiences;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CampaignService campaigns;
    @Autowired
    SegmentService segments;
    @Autowired
    SecurityContextHolderStrategy security;

    private long campaignId;
    private String name;

    @BeforeEach
    void aDraftCampaign() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        name = "Hero test " + suffix;
        campaignId = HeapConnectorsForTests.asAdmin(security, () -> {
            long returning = segments.create("Returning " + suffix, SegmentDefinition.empty()).id();
            long mobile = segments.create("Mobile " + suffix, SegmentDefinition.empty()).id();
            return campaigns.create(new CampaignDraft(name, CampaignType.AB_TEST, false, List.of(returning, mobile), 40,
                    List.of(new Variation("original", Variation.ORIGINAL, 50, null, null, null),
                            new Variation("v1", "Big hero", 50, null, "#hero", "<h1>Hello</h1>")), null, null)).id();
        });
    }

    @Test
    void anAdminSeesTheCampaignInWordsAndStartsPausesAndEndsIt() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(CampaignListView.class);

        CampaignSummary row = row();
        assertThat(row.type()).isEqualTo("A/B test");
        assertThat(row.segments()).hasSize(2);
        assertThat(row.variations()).containsExactly("Original 50 % (0 in 24 h)", "Big hero 50 % (0 in 24 h)");
        assertThat(statusText()).isEqualTo("Draft");
        assertThat(actions()).extracting(button -> button.getElement().getAttribute("aria-label"))
                .as("a draft starts or ends; it cannot be paused")
                .containsExactly("Start campaign " + name, "End campaign " + name);

        _click(action("Start"));
        assertThat(statusText()).isEqualTo("Running");
        _click(action("Pause"));
        assertThat(statusText()).isEqualTo("Paused");
        _click(action("End"));
        assertThat(statusText()).isEqualTo("Ended");
        assertThat(actions()).as("an ended campaign is final").isEmpty();
        assertThat(campaigns.find(campaignId).orElseThrow().status()).isEqualTo(CampaignStatus.ENDED);
    }

    @Test
    void aStartOnAnEmptyAudienceAsksToConfirmAndTheRunningCampaignShowsTheWarning() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tokenId = UUID.randomUUID().toString();
        long connectorId = ValidatedConnectors.insert(jdbc, "Empty " + suffix, tokenId, "env");
        new WebhookDeliveries(port).send(WebhookDeliveries.page(tokenId, 62, "Unmatched", "task-1", 1, 1,
                List.of("nobody-" + suffix), List.of()));
        name = "On an empty audience " + suffix;
        campaignId = HeapConnectorsForTests.asAdmin(security, () -> {
            long audienceId = audiences.find(connectorId, "62").orElseThrow().id();
            long segmentId = segments.create("Unmatched " + suffix, new SegmentDefinition(
                    SegmentDefinition.CURRENT_VERSION, new Group(Combinator.ALL, List.of(new Condition(
                    new Criterion.ExternalAudience(connectorId, audienceId), false))))).id();
            return campaigns.create(new CampaignDraft(name, CampaignType.PERSONALIZATION, true, List.of(segmentId),
                    100, List.of(new Variation("v", "Banner", 100, "{}", null, null)), null, null)).id();
        });
        login("admin", "ADMIN");
        UI.getCurrent().navigate(CampaignListView.class);

        _click(action("Start"));

        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-start"));
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Start \"" + name + "\" anyway?");
        assertThat(confirm.getElement().getTextRecursively())
                .contains("\"Unmatched\" is empty: no member matched a known visitor yet");
        assertThat(statusText()).as("nothing started before the admin confirms").isEqualTo("Draft");
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(statusText()).isEqualTo("Running");
        Grid<CampaignSummary> grid = grid();
        assertThat(((Span) _getCellComponent(grid, _findAll(grid).indexOf(row()), "attention")).getText())
                .isEqualTo("\"Unmatched\" is empty: no member matched a known visitor yet");
    }

    @Test
    void aViewerSeesTheCampaignsButNoAction() {
        login("vera", "VIEWER");
        UI.getCurrent().navigate(CampaignListView.class);

        assertThat(row().name()).isEqualTo(name);
        assertThat(grid().getColumnByKey("actions")).isNull();
        assertThat(grid().getEmptyStateComponent().getElement().getTextRecursively())
                .as("with no campaign, a viewer is told so, with nothing to click").isEqualTo("No campaign yet. A campaign"
                        + " shows variations to the visitors of the segments it targets.");
    }

    @Test
    void anEmptyListSaysWhatToDoWithTheActionThatDoesIt() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(CampaignListView.class);

        EmptyState empty = (EmptyState) grid().getEmptyStateComponent();
        assertThat(empty.getElement().getTextRecursively()).startsWith("No campaign yet.");
        _click(_get(empty, Button.class, spec -> spec.withText("Create the first campaign")));
        _get(CampaignEditorView.class);
    }

    private List<Button> actions() {
        Grid<CampaignSummary> grid = grid();
        HorizontalLayout cell = (HorizontalLayout) _getCellComponent(grid, _findAll(grid).indexOf(row()), "actions");
        return cell.getChildren().map(Button.class::cast).toList();
    }

    private Button action(String verb) {
        return actions().stream().filter(button -> button.getText().equals(verb)).findFirst().orElseThrow();
    }

    private String statusText() {
        Grid<CampaignSummary> grid = grid();
        int index = _findAll(grid).indexOf(row());
        return ((Span) _getCellComponent(grid, index, "status")).getText();
    }

    private CampaignSummary row() {
        return _findAll(grid()).stream().filter(summary -> summary.id() == campaignId).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Grid<CampaignSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("campaigns-list"));
    }
}
