package io.audiencehub.sandbox.heap.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.server.streams.UploadHandler;
import io.audiencehub.sandbox.heap.SandboxExportService;
import io.audiencehub.sandbox.heap.SandboxSegment;
import io.audiencehub.sandbox.heap.SandboxSegment.RuleOperator;
import io.audiencehub.sandbox.heap.ui.SegmentDraft.Kind;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Defines a segment: a name plus a rule on one user property, or an uploaded list of users. */
class NewSegmentDialog extends Dialog {

    NewSegmentDialog(SandboxExportService exports, long environmentId, Consumer<SandboxSegment> created) {
        setHeaderTitle("New segment");
        Binder<SegmentDraft> binder = new Binder<>(SegmentDraft.class);
        SegmentDraft draft = new SegmentDraft();

        TextField name = new TextField("Name");
        name.setId("segment-name");
        binder.forField(name).asRequired("Give the segment a name.").bind(SegmentDraft::getName, SegmentDraft::setName);

        RadioButtonGroup<Kind> kind = new RadioButtonGroup<>("Users");
        kind.setId("segment-kind");
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(value -> value == Kind.RULE ? "whose user property matches" : "from an uploaded list");
        binder.forField(kind).bind(SegmentDraft::getKind, SegmentDraft::setKind);

        ComboBox<String> property = new ComboBox<>("User property");
        property.setId("segment-property");
        property.setItems(exports.userProperties(environmentId));
        property.setAllowCustomValue(true);
        property.addCustomValueSetListener(custom -> property.setValue(custom.getDetail()));
        binder.forField(property)
                .withValidator(value -> kind.getValue() != Kind.RULE || value != null && !value.isBlank(),
                        "Choose the user property to match.")
                .bind(SegmentDraft::getProperty, SegmentDraft::setProperty);

        Select<RuleOperator> operator = new Select<>();
        operator.setLabel("Matches when it");
        operator.setId("segment-operator");
        operator.setItems(RuleOperator.values());
        operator.setItemLabelGenerator(value -> switch (value) {
            case EQUALS -> "equals";
            case CONTAINS -> "contains";
            case IS_SET -> "is set";
        });
        binder.forField(operator).bind(SegmentDraft::getOperator, SegmentDraft::setOperator);

        TextField value = new TextField("Value");
        value.setId("segment-value");
        binder.forField(value)
                .withValidator(text -> kind.getValue() != Kind.RULE || operator.getValue() == RuleOperator.IS_SET
                        || !text.isBlank(), "Enter the value to match.")
                .bind(SegmentDraft::getValue, SegmentDraft::setValue);

        Span uploaded = new Span();
        uploaded.setId("segment-upload-status");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            draft.setUploadedList(new String(bytes, StandardCharsets.UTF_8));
            uploaded.setText(metadata.fileName() + ": " + draft.getUploadedList().lines().filter(l -> !l.isBlank())
                    .count() + " lines");
        }));
        upload.setId("segment-upload");
        upload.setAcceptedFileTypes("text/plain", "text/csv", ".txt", ".csv");
        upload.setMaxFileSize(1024 * 1024);

        FormLayout ruleFields = new FormLayout(property, operator, value);
        Paragraph listHelp = new Paragraph("A text file with one Heap user id or identity a line.");
        kind.addValueChangeListener(change -> {
            boolean rule = change.getValue() == Kind.RULE;
            ruleFields.setVisible(rule);
            listHelp.setVisible(!rule);
            upload.setVisible(!rule);
            uploaded.setVisible(!rule);
        });
        operator.addValueChangeListener(change -> value.setEnabled(change.getValue() != RuleOperator.IS_SET));
        binder.setBean(draft);
        listHelp.setVisible(false);
        upload.setVisible(false);
        uploaded.setVisible(false);

        Span error = new Span();
        error.setId("segment-error");
        error.getElement().getThemeList().add("badge error");
        error.setVisible(false);
        Button save = new Button("Save", click -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                SandboxSegment segment = draft.getKind() == Kind.RULE
                        ? exports.defineByRule(environmentId, draft.getName(), draft.getProperty(), draft.getOperator(),
                        draft.getValue())
                        : exports.defineByList(environmentId, draft.getName(), draft.getUploadedList());
                close();
                created.accept(segment);
            } catch (IllegalArgumentException e) {
                error.setText(e.getMessage());
                error.setVisible(true);
            }
        });
        save.setId("save-segment");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new FormLayout(name, kind), ruleFields, listHelp, upload, uploaded, error);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }
}
