package io.audiencehub.segment.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dnd.DragEndEvent;
import com.vaadin.flow.component.dnd.DragStartEvent;
import com.vaadin.flow.component.dnd.DropEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import io.audiencehub.KaribuTest;
import io.audiencehub.campaign.CampaignDraft;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.campaign.CampaignType;
import io.audiencehub.campaign.Variation;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.segment.AudienceChoice;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.KnownVisitors;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.Segment;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.segment.SegmentSummary;
import io.audiencehub.sync.WebhookDeliveries;
import io.audiencehub.visitor.VisitorService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The builder driven as a person would: drags fired as DragStart -> Drop -> DragEnd, forms, save. */
class SegmentBuilderViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    VisitorService visitors;
    @Autowired
    AudienceService audiences;
    @Autowired
    SegmentService segments;
    @Autowired
    CampaignService campaigns;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String visitor = "builder-" + suffix;
    private long connectorId;
    private String tokenId;
    private WebhookDeliveries heap;

    @BeforeEach
    void aConnectorWithAnAvailableAudience() {
        tokenId = UUID.randomUUID().toString();
        connectorId = ValidatedConnectors.insert(jdbc, "Builder " + suffix, tokenId, "Acme");
        KnownVisitors.see(visitors, audiences, visitor);
        heap = new WebhookDeliveries(port);
        heap.send(WebhookDeliveries.page(tokenId, 501, "Free Customers", "task-1", 1, 1, List.of(visitor, "other"), List.of()));
        heap.send(WebhookDeliveries.page(tokenId, 502, "Nobody Known", "task-2", 1, 1, List.of("stranger"), List.of()));
        heap.send(WebhookDeliveries.page(tokenId, 503, "Paying Customers", "task-paying", 1, 1, List.of(visitor), List.of()));
        login("admin", "ADMIN");
    }

    @Test
    void anExternalDataCriterionIsDraggedInGivenAnAudienceAndSaved() {
        UI.getCurrent().navigate(SegmentBuilderView.class, new RouteParameters("segmentId", SegmentBuilderView.NEW));
        Div heapItem = _get(Div.class, spec -> spec.withId("palette-external-" + connectorId));
        assertThat(heapItem.getElement().getTextRecursively()).isEqualTo("Heap Analytics - Builder " + suffix);

        drag(heapItem, dropZone());
        @SuppressWarnings("unchecked")
        ComboBox<AudienceChoice> audience = _get(ComboBox.class, spec -> spec.withId("criterion-audience"));
        assertThat(ComboBoxKt.getSuggestions(audience)).as("only audiences with a matched member")
                .containsExactly("Free Customers (1 matched)", "Paying Customers (1 matched)");
        ComboBoxKt.setUserInput(audience, "free");
        assertThat(ComboBoxKt.getSuggestionItems(audience)).extracting(AudienceChoice::name).containsExactly("Free Customers");
        _click(_get(Button.class, spec -> spec.withId("criterion-ok")));
        assertThat(audience.isInvalid()).as("an audience is required").isTrue();
        AudienceChoice freeCustomers = ComboBoxKt.getSuggestionItems(audience).get(0);
        _setValue(audience, freeCustomers);
        _click(_get(Button.class, spec -> spec.withId("criterion-ok")));

        assertThat(_get(HorizontalLayout.class, spec -> spec.withId("criterion-0")).getElement().getTextRecursively())
                .contains("is in Heap Analytics - Builder " + suffix + " / Free Customers");
        assertThat(_get(Paragraph.class, spec -> spec.withId("reach-estimate")).getText())
                .isEqualTo("1 known visitors match the EXTERNAL DATA part.");

        _click(_get(Button.class, spec -> spec.withId("save-segment")));
        assertThat(_get(TextField.class, spec -> spec.withId("segment-name")).isInvalid()).isTrue();
        _setValue(_get(TextField.class, spec -> spec.withId("segment-name")), "Free customers " + suffix);
        _click(_get(Button.class, spec -> spec.withId("save-segment")));

        Segment saved = segmentNamed("Free customers " + suffix);
        assertThat(saved.definition().root().children()).singleElement().isEqualTo(new Condition(
                new Criterion.ExternalAudience(connectorId, freeCustomers.id()), false));
        UI.getCurrent().navigate(SegmentBuilderView.class, new RouteParameters("segmentId", String.valueOf(saved.id())));
        assertThat(_get(TextField.class, spec -> spec.withId("segment-name")).getValue()).isEqualTo(saved.name());
        assertThat(_find(HorizontalLayout.class, spec -> spec.withClasses("criterion-row"))).hasSize(1);

        _click(_get(Button.class, spec -> spec.withId("edit-0")));
        @SuppressWarnings("unchecked")
        ComboBox<AudienceChoice> editing = _get(ComboBox.class, spec -> spec.withId("criterion-audience"));
        assertThat(editing.getValue().id()).as("the form shows the audience the criterion holds")
                .isEqualTo(freeCustomers.id());
    }

    @Test
    void criteriaAreValidatedNegatedGroupedAndMovedByDrag() {
        UI.getCurrent().navigate(SegmentBuilderView.class, new RouteParameters("segmentId", SegmentBuilderView.NEW));

        drag(_get(Div.class, spec -> spec.withId("palette-page-url")), dropZone());
        @SuppressWarnings("unchecked")
        Select<Criterion.UrlMatch> match = _get(Select.class, spec -> spec.withId("criterion-choice"));
        _setValue(match, Criterion.UrlMatch.MATCHES_REGEX);
        TextField value = _get(TextField.class, spec -> spec.withId("criterion-value"));
        _setValue(value, "(unclosed");
        _click(_get(Button.class, spec -> spec.withId("criterion-ok")));
        assertThat(value.getErrorMessage()).startsWith("Not a valid regular expression: missing closing )");
        _setValue(value, "^/cart(?!/empty)");
        _click(_get(Button.class, spec -> spec.withId("criterion-ok")));
        assertThat(value.getErrorMessage()).as("a look-ahead could run in more than linear time")
                .contains("look-arounds and back-references are not supported");
        _setValue(value, "/cart$");
        _click(_get(Button.class, spec -> spec.withId("criterion-ok")));

        drag(_get(Div.class, spec -> spec.withId("palette-country")), dropZone());
        TextField code = _get(TextField.class, spec -> spec.withId("criterion-code"));
        _setValue(code, "F1");
        _click(_get(Button.class, spec -> spec.withId("criterion-ok")));
        assertThat(code.getErrorMessage()).isEqualTo("Enter a two-letter country code.");
        _setValue(code, "XX");
        _click(_get(Button.class, spec -> spec.withId("criterion-ok")));
        assertThat(_get(Span.class, spec -> spec.withId("criterion-problem")).getText())
                .startsWith(".code: must be a two-letter ISO 3166-1 country code");
        _setValue(code, "fr");
        _click(_get(Button.class, spec -> spec.withId("criterion-ok")));

        _setValue(_get(Checkbox.class, spec -> spec.withId("negate-1")), true);
        _click(_get(Button.class, spec -> spec.withId("add-group")));
        drag(_get(HorizontalLayout.class, spec -> spec.withId("criterion-0")),
                _get(Div.class, spec -> spec.withId("group-drop-zone-2")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("segment-summary")).getText())
                .isEqualTo("(country is not FR and page URL matches \"/cart$\")");
        assertThat(_get(Paragraph.class, spec -> spec.withId("reach-estimate")).getText())
                .isEqualTo("Depends on the page: no EXTERNAL DATA criterion.");
        _setValue(_get(TextField.class, spec -> spec.withId("segment-name")), "Cart " + suffix);
        _click(_get(Button.class, spec -> spec.withId("save-segment")));

        assertThat(segmentNamed("Cart " + suffix).definition()).isEqualTo(new SegmentDefinition(1, new Group(
                Combinator.ALL, List.of(new Condition(new Criterion.Country("FR"), true), new Group(Combinator.SOME,
                        List.of(new Condition(new Criterion.PageUrl(Criterion.UrlMatch.MATCHES_REGEX, "/cart$"), false))))))
        );
    }

    @Test
    void theListFlagsAnAudienceThatBecameEmptyAndOffersDuplicateRenameAndDelete() {
        long audienceId = audiences.page(connectorId, "Free Customers", false, 0, 1).get(0).id();
        Segment segment = segments.create("Flagged " + suffix, new SegmentDefinition(1, new Group(Combinator.ALL,
                List.of(new Condition(new Criterion.ExternalAudience(connectorId, audienceId), false)))));
        heap.send(WebhookDeliveries.page(tokenId, 501, "Free Customers", "task-3", 1, 1, List.of(), List.of(visitor)));

        UI.getCurrent().navigate(SegmentListView.class);
        Grid<SegmentSummary> list = list();
        int row = rowOf(list, segment.id());
        assertThat(((Span) _getCellComponent(list, row, "attention")).getText())
                .isEqualTo("\"Free Customers\" is empty: no member matched a known visitor yet");
        UI.getCurrent().navigate(SegmentBuilderView.class, new RouteParameters("segmentId", String.valueOf(segment.id())));
        _click(_get(Button.class, spec -> spec.withId("edit-0")));
        @SuppressWarnings("unchecked")
        ComboBox<AudienceChoice> editing = _get(ComboBox.class, spec -> spec.withId("criterion-audience"));
        assertThat(editing.getItemLabelGenerator().apply(editing.getValue()))
                .isEqualTo("Free Customers (no member matched a known visitor yet)");
        UI.getCurrent().navigate(SegmentListView.class);

        _click(action(list(), rowOf(list(), segment.id()), "duplicate-" + segment.id()));
        assertThat(segmentNamed("Copy of Flagged " + suffix).definition()).isEqualTo(segment.definition());

        UI.getCurrent().navigate(SegmentListView.class);
        _click(action(list(), rowOf(list(), segment.id()), "rename-" + segment.id()));
        _setValue(_get(TextField.class, spec -> spec.withId("segment-new-name")), "Renamed " + suffix);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(segments.find(segment.id()).orElseThrow().name()).isEqualTo("Renamed " + suffix);

        _click(action(list(), rowOf(list(), segment.id()), "delete-" + segment.id()));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(segments.find(segment.id())).isEmpty();
    }

    @Test
    void aSegmentSaysWhichCampaignsTargetIt() {
        Segment segment = segments.create("Targeted " + suffix, SegmentDefinition.empty());
        UI.getCurrent().navigate(SegmentBuilderView.class, new RouteParameters("segmentId", String.valueOf(segment.id())));
        assertThat(_get(Paragraph.class, spec -> spec.withId("segment-used-by")).getText())
                .isEqualTo("No campaign targets it yet.");

        campaigns.create(new CampaignDraft("Winter sale " + suffix, CampaignType.PERSONALIZATION, true,
                List.of(segment.id()), 100, List.of(new Variation("banner", "Banner", 100, "{}", null, null)), null, null));
        UI.getCurrent().navigate(SegmentBuilderView.class, new RouteParameters("segmentId", String.valueOf(segment.id())));
        assertThat(_get(Paragraph.class, spec -> spec.withId("segment-used-by")).getText()).isEqualTo("Targeted by"
                + " campaign \"Winter sale " + suffix + "\" (draft): it cannot be deleted while they do.");
    }

    /** What the browser reports while a person drags {@code source} onto {@code target}. */
    private static void drag(Component source, Component target) {
        ComponentUtil.fireEvent(source, new DragStartEvent<>(source, true));
        ComponentUtil.fireEvent(target, new DropEvent<>(target, true, "move"));
        ComponentUtil.fireEvent(source, new DragEndEvent<>(source, true, "move"));
    }

    private static Button action(Grid<SegmentSummary> grid, int row, String id) {
        return _getCellComponent(grid, row, "actions").getChildren().map(Button.class::cast)
                .filter(button -> button.getId().orElse("").equals(id)).findFirst().orElseThrow();
    }

    private static Div dropZone() {
        return _get(Div.class, spec -> spec.withId("segment-drop-zone"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<SegmentSummary> list() {
        return _get(Grid.class, spec -> spec.withId("segments-list"));
    }

    private static int rowOf(Grid<SegmentSummary> grid, long id) {
        List<SegmentSummary> rows = _findAll(grid);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        throw new AssertionError("segment " + id + " is not listed");
    }

    private Segment segmentNamed(String name) {
        long id = jdbc.sql("SELECT id FROM segment WHERE name = ?").param(name).query(Long.class).single();
        return segments.find(id).orElseThrow();
    }
}
