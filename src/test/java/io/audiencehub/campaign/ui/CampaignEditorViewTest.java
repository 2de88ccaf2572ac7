package io.audiencehub.campaign.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import io.audiencehub.KaribuTest;
import io.audiencehub.campaign.Campaign;
import io.audiencehub.campaign.CampaignDraft;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.campaign.CampaignType;
import io.audiencehub.campaign.CampaignValidation;
import io.audiencehub.campaign.SegmentChoice;
import io.audiencehub.campaign.Variation;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentService;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** The campaign editor driven as an admin would: field-level messages, weights that add up, locks. */
class CampaignEditorViewTest extends KaribuTest {

    @Autowired
    CampaignService campaigns;
    @Autowired
    SegmentService segments;
    @Autowired
    SecurityContextHolderStrategy security;

    private String suffix;
    private SegmentChoice returning;

    @BeforeEach
    void aSegment() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        long id = HeapConnectorsForTests.asAdmin(security,
                () -> segments.create("Returning " + suffix, SegmentDefinition.empty()).id());
        returning = new SegmentChoice(id, "Returning " + suffix, List.of());
        login("admin", "ADMIN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewCampaignsWeightsAddUpTo100ForItsTypeUntilTheUserTypesOne() {
        UI.getCurrent().navigate(CampaignEditorView.class, new RouteParameters("campaignId", CampaignEditorView.NEW));
        assertThat(weights()).as("an A/B test splits evenly").containsExactly(50, 50);
        assertThat(_get(Span.class, spec -> spec.withId("weights-total")).getText()).isEqualTo("Weights add up to 100 %.");

        _setValue(_get(Select.class, spec -> spec.withId("campaign-type")), CampaignType.PERSONALIZATION);
        assertThat(weights()).as("a personalization shows its variation to everyone").containsExactly(0, 100);
        _click(_get(Button.class, spec -> spec.withId("add-variation")));
        assertThat(weights()).containsExactly(0, 50, 50);

        _setValue(_find(IntegerField.class, spec -> spec.withLabel("Weight")).get(1), 70);
        _setValue(_get(Select.class, spec -> spec.withId("campaign-type")), CampaignType.AB_TEST);
        assertThat(weights()).as("a weight the user typed is never overwritten").containsExactly(0, 70, 50);
    }

    @Test
    void aNewAbTestKeepsItsVisitorsAPersonalizationDoesNotAndARunningCampaignKeepsItsRule() {
        UI.getCurrent().navigate(CampaignEditorView.class, new RouteParameters("campaignId", CampaignEditorView.NEW));
        Checkbox keep = _get(Checkbox.class, spec -> spec.withId("campaign-keep-visitors"));
        assertThat(keep.getValue()).as("an A/B test keeps them by default").isTrue();
        _setValue(_get(Select.class, spec -> spec.withId("campaign-type")), CampaignType.PERSONALIZATION);
        assertThat(keep.getValue()).as("a personalization follows its audiences").isFalse();
        _setValue(keep, true);
        _setValue(_get(Select.class, spec -> spec.withId("campaign-type")), CampaignType.AB_TEST);
        _setValue(_get(Select.class, spec -> spec.withId("campaign-type")), CampaignType.PERSONALIZATION);
        assertThat(keep.getValue()).as("what the admin ticked stays").isTrue();

        Campaign running = HeapConnectorsForTests.asAdmin(security, () -> campaigns.startAnyway(campaigns.create(
                new CampaignDraft("Kept " + suffix, CampaignType.AB_TEST, true, List.of(returning.id()), 100,
                        List.of(new Variation("original", Variation.ORIGINAL, 50, null, null, null),
                                new Variation("b", "B", 50, "{}", null, null)), null, null)).id()));
        assertThat(running.keepVisitors()).isTrue();
        UI.getCurrent().navigate(CampaignEditorView.class, new RouteParameters("campaignId",
                String.valueOf(running.id())));
        assertThat(_get(Checkbox.class, spec -> spec.withId("campaign-keep-visitors")).isReadOnly())
                .as("changed only while paused, as its variations").isTrue();
    }

    private static List<Integer> weights() {
        return _find(IntegerField.class, spec -> spec.withLabel("Weight")).stream().map(IntegerField::getValue).toList();
    }

    @Test
    void anAbTestIsFilledInCheckedFieldByFieldAndSaved() {
        UI.getCurrent().navigate(CampaignEditorView.class, new RouteParameters("campaignId", CampaignEditorView.NEW));

        _click(_get(Button.class, spec -> spec.withId("save-campaign")));
        assertThat(_get(TextField.class, spec -> spec.withId("campaign-name")).getErrorMessage())
                .isEqualTo("Give the campaign a name.");
        assertThat(_get(MultiSelectComboBox.class, spec -> spec.withId("campaign-segments")).getErrorMessage())
                .isEqualTo("Target at least one segment.");

        _setValue(_get(TextField.class, spec -> spec.withId("campaign-name")), "Hero " + suffix);
        setSegments(Set.of(returning));
        _setValue(_get(IntegerField.class, spec -> spec.withId("campaign-traffic")), 40);
        List<IntegerField> weights = _find(IntegerField.class, spec -> spec.withLabel("Weight"));
        _setValue(weights.get(0), 60);
        _setValue(weights.get(1), 60);
        assertThat(_get(Span.class, spec -> spec.withId("weights-total")).getText())
                .isEqualTo("Weights add up to 120 %: they must add up to 100 %.");
        _setValue(_find(TextArea.class, spec -> spec.withLabel("JSON object")).get(0), "{\"hero\": \"big\"}");
        _click(_get(Button.class, spec -> spec.withId("save-campaign")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("campaign-problems")).getText())
                .isEqualTo("variations: the weights add up to 120 %; they must add up to 100 %.");

        _setValue(weights.get(1), 40);
        _click(_get(Button.class, spec -> spec.withId("save-campaign")));

        Campaign saved = campaigns.page(0, 10_000).stream().filter(campaign -> campaign.name().equals("Hero " + suffix))
                .findFirst().orElseThrow();
        assertThat(saved.segmentIds()).containsExactly(returning.id());
        assertThat(saved.trafficPercent()).isEqualTo(40);
        assertThat(saved.variations()).extracting(Variation::name, Variation::weight, Variation::json)
                .containsExactly(tuple("Original", 60, null), tuple("Variation 1", 40, "{\"hero\":\"big\"}"));
        _get(CampaignListView.class);
    }

    @Test
    void theFormTakesWhatTheServiceTakesAndNoMore() {
        UI.getCurrent().navigate(CampaignEditorView.class, new RouteParameters("campaignId", CampaignEditorView.NEW));
        TextField name = _get(TextField.class, spec -> spec.withId("campaign-name"));
        IntegerField traffic = _get(IntegerField.class, spec -> spec.withId("campaign-traffic"));
        IntegerField weight = _find(IntegerField.class, spec -> spec.withLabel("Weight")).get(0);

        assertThat(name.getMaxLength()).isEqualTo(CampaignValidation.MAX_NAME_LENGTH);
        assertThat(_find(TextArea.class, spec -> spec.withLabel("JSON object")).get(0).getMaxLength())
                .isEqualTo(CampaignValidation.MAX_PAYLOAD_LENGTH);
        _setValue(traffic, CampaignValidation.ALL_PERCENT + 1);
        _setValue(weight, CampaignValidation.ALL_PERCENT + 1);
        _click(_get(Button.class, spec -> spec.withId("save-campaign")));
        assertThat(traffic.getErrorMessage()).isEqualTo("The traffic is 1 to 100 %.");
        assertThat(weight.getErrorMessage()).isEqualTo("A weight is 0 to 100 %.");
    }

    @Test
    void aRunningCampaignsVariationsAreLockedUntilItIsPaused() {
        Campaign running = HeapConnectorsForTests.asAdmin(security, () -> campaigns.start(campaigns.create(
                new CampaignDraft("Running " + suffix, CampaignType.PERSONALIZATION, true, List.of(returning.id()), 100,
                        List.of(new Variation("v1", "Banner", 100, "{\"a\": 1}", null, null)), null, null)).id()));

        UI.getCurrent().navigate(CampaignEditorView.class,
                new RouteParameters("campaignId", String.valueOf(running.id())));

        assertThat(_find(IntegerField.class, spec -> spec.withLabel("Weight"))).singleElement()
                .satisfies(weight -> assertThat(weight.isReadOnly()).isTrue());
        assertThat(_find(Button.class, spec -> spec.withId("add-variation"))).as("no variation is added").isEmpty();
        _setValue(_get(TextField.class, spec -> spec.withId("campaign-name")), "Running sale " + suffix);
        _click(_get(Button.class, spec -> spec.withId("save-campaign")));
        assertThat(campaigns.find(running.id()).orElseThrow().name()).isEqualTo("Running sale " + suffix);
    }

    @Test
    void aViewerSeesACampaignButCannotSaveIt() {
        Campaign draft = HeapConnectorsForTests.asAdmin(security, () -> campaigns.create(new CampaignDraft(
                "Viewer's " + suffix, CampaignType.PERSONALIZATION, true, List.of(returning.id()), 100,
                List.of(new Variation("v1", "Banner", 100, "{\"a\": 1}", null, null)), null, null)));
        login("vera", "VIEWER");

        UI.getCurrent().navigate(CampaignEditorView.class, new RouteParameters("campaignId", String.valueOf(draft.id())));

        assertThat(_get(TextField.class, spec -> spec.withId("campaign-name")).getValue()).isEqualTo("Viewer's " + suffix);
        assertThat(_get(TextField.class, spec -> spec.withId("campaign-name")).isReadOnly()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("save-campaign"))).isEmpty();
        assertThat(_get(Select.class, spec -> spec.withId("campaign-type")).isReadOnly()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static void setSegments(Set<SegmentChoice> chosen) {
        _setValue(_get(MultiSelectComboBox.class, spec -> spec.withId("campaign-segments")), chosen);
    }
}
