package io.audiencehub.campaign.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.audiencehub.campaign.Campaign;
import io.audiencehub.campaign.CampaignDraft;
import io.audiencehub.campaign.CampaignException;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.campaign.CampaignStatus;
import io.audiencehub.campaign.CampaignType;
import io.audiencehub.campaign.CampaignValidation;
import io.audiencehub.campaign.SegmentChoice;
import io.audiencehub.campaign.Variation;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A campaign's editor: name, type, the segments it targets (All or Some), its traffic, dates and
 * variations, with field-level messages as it is filled in and the service's word when it is saved.
 * A running campaign's variations are shown but locked until it is paused; viewers see it read-only.
 */
@Route("campaigns/:campaignId")
@PageTitle("Campaign | Audience Hub")
@PermitAll
public class CampaignEditorView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    static final String NEW = "new";
    private static final Pattern PROBLEM = Pattern.compile("(variations\\[(\\d+)]\\.?(\\w*)|\\w+): (.*)");

    /** The campaign's own settings as the form edits them; dates in UTC. */
    static final class Form {
        private String name = "";
        private CampaignType type = CampaignType.AB_TEST;
        private boolean allSegments = true;
        private Set<SegmentChoice> segments = new LinkedHashSet<>();
        private Integer traffic = CampaignValidation.ALL_PERCENT;
        private boolean keepVisitors = CampaignDraft.keepsVisitorsByDefault(CampaignType.AB_TEST);
        private LocalDateTime start;
        private LocalDateTime end;
    }

    private final CampaignService campaigns;
    private final boolean admin;
    private final Binder<Form> binder = new Binder<>();
    private final TextField name = new TextField("Name");
    private final Select<CampaignType> type = new Select<>();
    private final MultiSelectComboBox<SegmentChoice> segments = new MultiSelectComboBox<>("Targeted segments");
    private final RadioButtonGroup<Boolean> combinator = new RadioButtonGroup<>("A visitor must be in");
    private final IntegerField traffic = new IntegerField("Traffic allocation");
    private final Checkbox keepVisitors = new Checkbox("Keep visitors once they enter");
    private final DateTimePicker start = new DateTimePicker("Start (UTC, optional)");
    private final DateTimePicker end = new DateTimePicker("End (UTC, optional)");
    private final Paragraph flags = new Paragraph();
    private final VerticalLayout variationRows = new VerticalLayout();
    private final Span weightsTotal = new Span();
    private final Paragraph problems = new Paragraph();
    private final List<VariationRow> rows = new ArrayList<>();
    private Campaign campaign;
    private boolean keepVisitorsTouched;

    CampaignEditorView(CampaignService campaigns, AuthenticationContext authentication) {
        this.campaigns = campaigns;
        this.admin = authentication.hasRole("ADMIN");
        name.setId("campaign-name");
        type.setId("campaign-type");
        type.setLabel("Type");
        type.setItems(CampaignType.values());
        type.setItemLabelGenerator(CampaignType::label);
        segments.setId("campaign-segments");
        segments.setItems(query -> campaigns.segmentChoices(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream(), query -> campaigns.countSegmentChoices(query.getFilter().orElse("")));
        segments.setItemLabelGenerator(choice -> choice.name() + (choice.warnings().isEmpty() ? "" : " (flagged)"));
        segments.getLazyDataView().setIdentifierProvider(SegmentChoice::id);
        segments.addValueChangeListener(change -> showFlags());
        combinator.setId("campaign-combinator");
        combinator.setItems(true, false);
        combinator.setItemLabelGenerator(all -> all ? "all of them" : "at least one of them");
        traffic.setId("campaign-traffic");
        traffic.setSuffixComponent(new Span("%"));
        traffic.setHelperText("The share of targeted visitors that enter the campaign.");
        keepVisitors.setId("campaign-keep-visitors");
        keepVisitors.addValueChangeListener(change -> keepVisitorsTouched |= change.isFromClient());
        keepVisitors.setTooltipText("A visitor who entered keeps the campaign, with the same variation, until it ends,"
                + " even if it leaves the targeted segments or the traffic changes: on by default for A/B tests, so"
                + " that nobody leaves a test half way; off for personalizations, which follow their audiences.");
        start.setId("campaign-start");
        end.setId("campaign-end");
        flags.setId("campaign-flags");
        weightsTotal.setId("weights-total");
        problems.setId("campaign-problems");
        problems.addClassName("campaign-problems");
        variationRows.setPadding(false);

        name.setMaxLength(CampaignValidation.MAX_NAME_LENGTH);
        binder.forField(name).asRequired("Give the campaign a name.")
                .withValidator(value -> value.strip().length() <= CampaignValidation.MAX_NAME_LENGTH,
                        "At most " + CampaignValidation.MAX_NAME_LENGTH + " characters.")
                .bind(form -> form.name, (form, value) -> form.name = value);
        binder.forField(type).asRequired("Choose A/B test or Personalization.")
                .bind(form -> form.type, (form, value) -> form.type = value);
        type.addValueChangeListener(change -> {
            suggestWeights();
            suggestKeepingVisitors(change.getValue(), change.isFromClient());
        });
        binder.forField(segments).withValidator(chosen -> !chosen.isEmpty(), "Target at least one segment.")
                .bind(form -> form.segments, (form, value) -> form.segments = new LinkedHashSet<>(value));
        binder.forField(combinator).bind(form -> form.allSegments, (form, value) -> form.allSegments = value);
        String trafficRange = CampaignValidation.MIN_TRAFFIC_PERCENT + " to " + CampaignValidation.ALL_PERCENT + " %";
        binder.forField(traffic).asRequired("Give the share of visitors that enter, " + trafficRange + ".")
                .withValidator(value -> value >= CampaignValidation.MIN_TRAFFIC_PERCENT
                        && value <= CampaignValidation.ALL_PERCENT, "The traffic is " + trafficRange + ".")
                .bind(form -> form.traffic, (form, value) -> form.traffic = value);
        binder.forField(keepVisitors).bind(form -> form.keepVisitors, (form, value) -> form.keepVisitors = value);
        binder.forField(start).bind(form -> form.start, (form, value) -> form.start = value);
        binder.forField(end).withValidator(value -> value == null || start.getValue() == null
                        || value.isAfter(start.getValue()), "The end must come after the start.")
                .bind(form -> form.end, (form, value) -> form.end = value);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("campaignId").orElseThrow(NotFoundException::new);
        Form form = new Form();
        keepVisitorsTouched = false;
        rows.clear();
        variationRows.removeAll();
        if (NEW.equals(id)) {
            campaign = null;
            addRow(VariationRow.Draft.fresh(Variation.ORIGINAL), true);
            addRow(VariationRow.Draft.fresh("Variation 1"), true);
            suggestWeights();
        } else {
            campaign = campaigns.find(parse(id)).orElseThrow(NotFoundException::new);
            form.name = campaign.name();
            form.type = campaign.type();
            form.allSegments = campaign.allSegments();
            form.segments = new LinkedHashSet<>(campaigns.segmentChoices(campaign.segmentIds()));
            form.traffic = campaign.trafficPercent();
            form.keepVisitors = campaign.keepVisitors();
            form.start = campaign.startAt() == null ? null : LocalDateTime.ofInstant(campaign.startAt(), ZoneOffset.UTC);
            form.end = campaign.endAt() == null ? null : LocalDateTime.ofInstant(campaign.endAt(), ZoneOffset.UTC);
            boolean variationsEditable = editable() && campaign.status() != CampaignStatus.RUNNING;
            campaign.variations().forEach(variation -> addRow(VariationRow.Draft.of(variation), variationsEditable));
        }
        binder.readBean(form);
        binder.setReadOnly(!editable());
        // as the variations: a running test keeps its rule until it is paused
        keepVisitors.setReadOnly(!editable() || campaign != null && campaign.status() == CampaignStatus.RUNNING);
        showWeights();
        showFlags();
        render(form);
    }

    private void render(Form form) {
        VerticalLayout content = getContent();
        content.removeAll();
        content.add(new H2(campaign == null ? "New campaign" : campaign.name() + " (" + campaign.status().label()
                + ")"));
        FormLayout settings = new FormLayout(name, type, segments, combinator, traffic, keepVisitors, start, end);
        content.add(settings, flags, new H3("Variations"));
        if (campaign != null && campaign.status() == CampaignStatus.RUNNING) {
            content.add(new Paragraph("The campaign is running: pause it to change its variations or weights, so"
                    + " that no visitor already assigned moves."));
        }
        content.add(variationRows, weightsTotal);
        Button add = new Button("Add variation", click -> {
            addRow(VariationRow.Draft.fresh("Variation " + rows.size()), true);
            suggestWeights();
            showWeights();
        });
        add.setId("add-variation");
        add.setVisible(editable() && (campaign == null || campaign.status() != CampaignStatus.RUNNING));
        Button save = new Button("Save campaign", click -> save(form));
        save.setId("save-campaign");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editable());
        Button back = new Button("Back to campaigns", click -> getUI().ifPresent(ui -> ui.navigate(CampaignListView.class)));
        content.add(add, problems, new HorizontalLayout(save, back));
    }

    private boolean editable() {
        return admin && (campaign == null || campaign.status() != CampaignStatus.ENDED);
    }

    private void addRow(VariationRow.Draft draft, boolean editable) {
        VariationRow[] row = new VariationRow[1];
        row[0] = new VariationRow(draft, editable, this::showWeights, () -> {
            rows.remove(row[0]);
            variationRows.remove(row[0]);
            suggestWeights();
            showWeights();
        });
        rows.add(row[0]);
        variationRows.add(row[0]);
    }

    /**
     * While a new campaign's weights are untouched, they add up to 100 %: an A/B test splits them evenly,
     * a personalization shows its variations to everyone and its original to no one.
     */
    private void suggestWeights() {
        if (campaign != null || rows.stream().anyMatch(VariationRow::weightTyped)) {
            return;
        }
        boolean personalization = type.getValue() == CampaignType.PERSONALIZATION;
        List<VariationRow> shown = rows.stream().filter(row -> !personalization || !row.original()).toList();
        if (shown.isEmpty()) {
            return;
        }
        rows.forEach(row -> row.suggestWeight(0));
        for (int i = 0; i < shown.size(); i++) {
            // the remainder of 100 goes to the first ones: 34, 33, 33
            int all = CampaignValidation.ALL_PERCENT;
            shown.get(i).suggestWeight(all / shown.size() + (i < all % shown.size() ? 1 : 0));
        }
    }

    /** A type chosen for a new campaign brings its default, until the admin ticks or unticks it. */
    private void suggestKeepingVisitors(CampaignType chosen, boolean fromClient) {
        if (campaign == null && fromClient && chosen != null && !keepVisitorsTouched) {
            keepVisitors.setValue(CampaignDraft.keepsVisitorsByDefault(chosen));
        }
    }

    private void showWeights() {
        int total = rows.stream().mapToInt(VariationRow::weight).sum();
        weightsTotal.setText("Weights add up to " + total + " %" + (total == CampaignValidation.ALL_PERCENT ? "."
                : ": they must add up to " + CampaignValidation.ALL_PERCENT + " %."));
        weightsTotal.getElement().getThemeList().set("badge", true);
        weightsTotal.getElement().getThemeList().set("error", total != CampaignValidation.ALL_PERCENT);
    }

    private void showFlags() {
        List<String> warnings = segments.getValue().stream().flatMap(choice -> choice.warnings().stream()).toList();
        flags.setText(warnings.isEmpty() ? "" : "Flagged in the segment builder: " + String.join("; ", warnings));
        flags.setVisible(!warnings.isEmpty());
    }

    private void save(Form form) {
        problems.setText("");
        boolean rowsValid = rows.stream().map(VariationRow::isValid).reduce(true, Boolean::logicalAnd);
        if (!binder.writeBeanIfValid(form) || !rowsValid) {
            problems.setText("Some fields need attention: see the messages under them.");
            return;
        }
        CampaignDraft draft = new CampaignDraft(form.name, form.type, form.allSegments,
                form.segments.stream().map(SegmentChoice::id).toList(), form.traffic, form.keepVisitors,
                rows.stream().map(row -> row.draft().toVariation()).toList(), instant(form.start), instant(form.end));
        try {
            campaign = campaign == null ? campaigns.create(draft) : campaigns.save(campaign.id(), draft);
            getUI().ifPresent(ui -> ui.navigate(CampaignListView.class));
        } catch (CampaignException e) {
            problems.setText(e.getMessage());
            showOnFields(e.getMessage());
        }
    }

    /** Puts each "field: message" the service gave under the field it names. */
    private void showOnFields(String message) {
        for (String problem : message.replaceAll("\\.$", "").split("; ")) {
            Matcher parts = PROBLEM.matcher(problem);
            if (!parts.matches()) {
                continue;
            }
            if (parts.group(2) != null) {
                int index = Integer.parseInt(parts.group(2));
                if (index < rows.size()) {
                    rows.get(index).showProblem(parts.group(3), parts.group(4));
                }
                continue;
            }
            HasValidation field = switch (parts.group(1)) {
                case "name" -> name;
                case "type" -> type;
                case "segments" -> segments;
                case "traffic" -> traffic;
                case "end" -> end;
                default -> null;
            };
            if (field != null) {
                field.setErrorMessage(parts.group(4));
                field.setInvalid(true);
            }
        }
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no campaign " + id);
        }
    }
}
