package io.audiencehub.campaign.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.audiencehub.campaign.CampaignValidation;
import io.audiencehub.campaign.Variation;

/** One variation in the editor: its name, weight and payload, validated as it is typed. */
class VariationRow extends Composite<HorizontalLayout> {

    static final String JSON = "JSON object";
    static final String SNIPPET = "Selector and HTML";

    /** The variation being edited; its key is kept from the stored one, or made once for a new one. */
    static final class Draft {
        private final String key;
        private String name = "";
        private Integer weight = 0;
        private String kind = JSON;
        private String json = "";
        private String selector = "";
        private String html = "";

        Draft(String key) {
            this.key = key;
        }

        static Draft of(Variation variation) {
            Draft draft = new Draft(variation.key());
            draft.name = variation.name();
            draft.weight = variation.weight();
            draft.kind = variation.selector() != null && !variation.selector().isBlank() ? SNIPPET : JSON;
            draft.json = variation.json() == null ? "" : variation.json();
            draft.selector = variation.selector() == null ? "" : variation.selector();
            draft.html = variation.html() == null ? "" : variation.html();
            return draft;
        }

        static Draft fresh(String name) {
            Draft draft = new Draft(Variation.newKey(name));
            draft.name = name;
            return draft;
        }

        Variation toVariation() {
            boolean original = Variation.ORIGINAL.equals(name.strip());
            return new Variation(key, name.strip(), weight == null ? 0 : weight,
                    original || !JSON.equals(kind) || json.isBlank() ? null : json,
                    original || !SNIPPET.equals(kind) || selector.isBlank() ? null : selector,
                    original || !SNIPPET.equals(kind) || html.isBlank() ? null : html);
        }
    }

    private final Binder<Draft> binder = new Binder<>();
    private final Draft draft;
    private final TextField name = new TextField("Variation");
    private final IntegerField weight = new IntegerField("Weight");
    private final TextArea json = new TextArea("JSON object");
    private final TextField selector = new TextField("CSS selector");
    private final TextArea html = new TextArea("HTML");
    private boolean weightTyped;

    VariationRow(Draft draft, boolean editable, Runnable onWeightChange, Runnable onRemove) {
        this.draft = draft;
        weight.setSuffixComponent(new Span("%"));
        weight.setWidth("7rem");
        Select<String> kind = new Select<>();
        kind.setLabel("Payload");
        kind.setItems(JSON, SNIPPET);
        json.setPlaceholder("{\"banner\": \"Welcome back\"}");
        html.setPlaceholder("<h1>Welcome back</h1>");
        name.setMaxLength(CampaignValidation.MAX_NAME_LENGTH);
        json.setMaxLength(CampaignValidation.MAX_PAYLOAD_LENGTH);
        selector.setMaxLength(CampaignValidation.MAX_SELECTOR_LENGTH);
        html.setMaxLength(CampaignValidation.MAX_PAYLOAD_LENGTH);
        binder.forField(name).asRequired("Give the variation a name.").bind(d -> d.name, (d, value) -> d.name = value);
        binder.forField(weight).asRequired("Give a weight from 0 to " + CampaignValidation.ALL_PERCENT + " %.")
                .withValidator(value -> value >= 0 && value <= CampaignValidation.ALL_PERCENT,
                        "A weight is 0 to " + CampaignValidation.ALL_PERCENT + " %.")
                .bind(d -> d.weight, (d, value) -> d.weight = value);
        binder.forField(kind).bind(d -> d.kind, (d, value) -> d.kind = value);
        binder.forField(json).bind(d -> d.json, (d, value) -> d.json = value);
        binder.forField(selector).bind(d -> d.selector, (d, value) -> d.selector = value);
        binder.forField(html).bind(d -> d.html, (d, value) -> d.html = value);
        binder.setBean(draft);
        weight.addValueChangeListener(change -> {
            weightTyped |= change.isFromClient();
            onWeightChange.run();
        });
        kind.addValueChangeListener(change -> showPayload(change.getValue()));
        boolean original = Variation.ORIGINAL.equals(draft.name);
        name.setReadOnly(original);
        kind.setVisible(!original);
        showPayload(original ? null : draft.kind);
        Button remove = new Button("Remove", click -> onRemove.run());
        remove.setAriaLabel("Remove variation " + draft.name);
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setVisible(!original && editable);
        HorizontalLayout row = getContent();
        row.add(name, weight, kind, json, selector, html, remove);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        row.addClassName("variation-row");
        binder.setReadOnly(!editable);
    }

    private void showPayload(String kind) {
        json.setVisible(JSON.equals(kind));
        selector.setVisible(SNIPPET.equals(kind));
        html.setVisible(SNIPPET.equals(kind));
    }

    boolean isValid() {
        return binder.validate().isOk();
    }

    int weight() {
        return weight.getValue() == null ? 0 : weight.getValue();
    }

    /** Whether the user typed this row's weight: the editor then stops suggesting weights. */
    boolean weightTyped() {
        return weightTyped;
    }

    /** Sets the weight the editor suggests, while the user has typed none. */
    void suggestWeight(int suggested) {
        weight.setValue(suggested);
    }

    boolean original() {
        return Variation.ORIGINAL.equals(draft.name);
    }

    Draft draft() {
        return draft;
    }

    /** Shows a problem the service found in this variation under the field it names. */
    void showProblem(String field, String message) {
        switch (field) {
            case "name" -> invalid(name, message);
            case "weight" -> invalid(weight, message);
            case "json" -> invalid(json, message);
            case "selector" -> invalid(selector, message);
            case "html" -> invalid(html, message);
            default -> invalid(JSON.equals(draft.kind) ? json : selector, message);
        }
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
