package io.audiencehub.segment.ui;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Setter;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.function.ValueProvider;
import io.audiencehub.segment.AudienceChoice;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.Criterion.BrowserName;
import io.audiencehub.segment.Criterion.Device;
import io.audiencehub.segment.Criterion.Kind;
import io.audiencehub.segment.Criterion.UrlMatch;
import io.audiencehub.segment.ExternalData;
import io.audiencehub.segment.SegmentValidation;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The form of one criterion: its fields with their own messages; OK only when the criterion is valid. */
class CriterionDialog extends Dialog {

    private static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));

    private final Binder<CriterionDraft> binder = new Binder<>(CriterionDraft.class);
    private final FormLayout form = new FormLayout();
    private final Span problem = new Span();

    CriterionDialog(CriterionType type, String title, Criterion existing, ExternalData externalData, long connectorId,
                    Consumer<Criterion> accepted) {
        setHeaderTitle(title);
        CriterionDraft draft = existing == null ? new CriterionDraft() : CriterionDraft.of(existing);
        draft.setConnectorId(connectorId);
        fields(type, externalData, connectorId);
        binder.setBean(draft);
        problem.setId("criterion-problem");
        problem.getElement().getThemeList().add("badge error");
        problem.setVisible(false);
        Button ok = new Button("OK", click -> {
            if (!binder.validate().isOk()) {
                return;
            }
            Criterion criterion = draft.toCriterion(type);
            Optional<String> wrong = SegmentValidation.criterionProblem(criterion);
            if (wrong.isPresent()) {
                problem.setText(wrong.get());
                problem.setVisible(true);
                return;
            }
            close();
            accepted.accept(criterion);
        });
        ok.setId("criterion-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form, problem);
        getFooter().add(new Button("Cancel", click -> close()), ok);
    }

    private void fields(CriterionType type, ExternalData externalData, long connectorId) {
        switch (type) {
            case EXTERNAL_AUDIENCE -> {
                // Fetched by page and searched by name in the database: a connector may have thousands.
                ComboBox<AudienceChoice> audience = new ComboBox<>("Audience");
                audience.setItems(query -> externalData.availableAudiences(connectorId, query.getFilter().orElse(""),
                                query.getOffset(), query.getLimit()).stream(),
                        query -> externalData.availableAudienceCount(connectorId, query.getFilter().orElse("")));
                audience.getLazyDataView().setIdentifierProvider(AudienceChoice::id);
                audience.setItemLabelGenerator(choice -> choice.name() + " (" + choice.detail() + ")");
                audience.setHelperText(externalData.availableAudienceCount(connectorId, "") == 0
                        ? "No audience of this connector has a member matched to a known visitor yet."
                        : "Only audiences with at least one known visitor are offered.");
                add(audience, "criterion-audience");
                binder.forField(audience).asRequired("Choose an audience.")
                        .withConverter(AudienceChoice::id, id -> id == null ? null : externalData.audience(id).orElse(null))
                        .bind(CriterionDraft::getAudienceId, CriterionDraft::setAudienceId);
            }
            case VISITOR_KIND -> bindChoice(select("Visitor", Kind.values()), CriterionDraft::getKind,
                    CriterionDraft::setKind, "Choose new or returning.");
            case DEVICE_TYPE -> bindChoice(select("Device type", Device.values()), CriterionDraft::getDevice,
                    CriterionDraft::setDevice, "Choose a device type.");
            case BROWSER -> bindChoice(select("Browser", BrowserName.values()), CriterionDraft::getBrowser,
                    CriterionDraft::setBrowser, "Choose a browser.");
            case LANGUAGE -> code("Language (ISO 639-1, e.g. fr)", "[A-Za-z]{2}", "Enter a two-letter language code.");
            case COUNTRY -> code("Country (ISO 3166-1, e.g. FR)", "[A-Za-z]{2}", "Enter a two-letter country code.");
            case PAGE_URL -> {
                Select<UrlMatch> match = select("The page URL", UrlMatch.values());
                match.setItemLabelGenerator(value -> value.name().toLowerCase().replace('_', ' '));
                bindChoice(match, CriterionDraft::getMatch, CriterionDraft::setMatch, "Choose how the URL must match.");
                TextField value = text("Value", "criterion-value");
                binder.forField(value).asRequired("Enter the URL or the part of it to match.")
                        .withValidator((text, context) -> {
                            String wrong = match.getValue() == UrlMatch.MATCHES_REGEX ? regexProblem(text) : null;
                            return wrong == null ? ValidationResult.ok()
                                    : ValidationResult.error("Not a valid regular expression: " + wrong + " ("
                                    + SegmentValidation.UNSUPPORTED_REGEX + ").");
                        })
                        .bind(CriterionDraft::getValue, CriterionDraft::setValue);
            }
            case COOKIE, QUERY_PARAMETER -> {
                TextField name = text("Name", "criterion-name");
                name.setMaxLength(SegmentValidation.MAX_NAME);
                binder.forField(name).asRequired("Enter the name.").bind(CriterionDraft::getName, CriterionDraft::setName);
                TextField value = text("Equal to (empty: present)", "criterion-value");
                binder.forField(value).bind(CriterionDraft::getValue, CriterionDraft::setValue);
            }
            case WEEKDAY -> {
                CheckboxGroup<DayOfWeek> days = new CheckboxGroup<>("Days");
                days.setItems(DayOfWeek.values());
                days.setItemLabelGenerator(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                add(days, "criterion-days");
                binder.forField(days).withValidator(chosen -> !chosen.isEmpty(), "Choose at least one day.")
                        .bind(draft -> EnumSet.copyOf(draft.getDays().isEmpty() ? EnumSet.noneOf(DayOfWeek.class)
                                : draft.getDays()), CriterionDraft::setDays);
                timeZone();
            }
            case HOUR_RANGE -> {
                IntegerField from = hour("From hour (0-23)", "criterion-from-hour", 23);
                binder.forField(from).asRequired("Enter the first hour.")
                        .bind(CriterionDraft::getFromHour, CriterionDraft::setFromHour);
                IntegerField to = hour("Until hour (1-24, excluded)", "criterion-to-hour", 24);
                binder.forField(to).asRequired("Enter the hour it ends.")
                        .withValidator(hour -> !hour.equals(from.getValue()), "Must differ from the first hour.")
                        .bind(CriterionDraft::getToHour, CriterionDraft::setToHour);
                timeZone();
            }
            case DATE_RANGE -> {
                DatePicker from = new DatePicker("From");
                add(from, "criterion-from");
                binder.forField(from).asRequired("Choose the first day.").bind(CriterionDraft::getFrom, CriterionDraft::setFrom);
                DatePicker to = new DatePicker("To (included)");
                add(to, "criterion-to");
                binder.forField(to).asRequired("Choose the last day.")
                        .withValidator(day -> from.getValue() == null || !day.isBefore(from.getValue()),
                                "The last day cannot come before the first.")
                        .bind(CriterionDraft::getTo, CriterionDraft::setTo);
                timeZone();
            }
        }
    }

    private <T> Select<T> select(String label, T[] values) {
        Select<T> select = new Select<>();
        select.setLabel(label);
        select.setItems(values);
        select.setItemLabelGenerator(value -> value.toString().toLowerCase());
        add(select, "criterion-choice");
        return select;
    }

    private <T> void bindChoice(Select<T> select, ValueProvider<CriterionDraft, T> getter,
                                Setter<CriterionDraft, T> setter, String required) {
        binder.forField(select).asRequired(required).bind(getter, setter);
    }

    private void code(String label, String pattern, String message) {
        TextField code = text(label, "criterion-code");
        code.setMaxLength(2);
        binder.forField(code).asRequired(message).withValidator(text -> text.matches(pattern), message)
                .bind(CriterionDraft::getCode, CriterionDraft::setCode);
    }

    private void timeZone() {
        ComboBox<String> zone = new ComboBox<>("Time zone");
        zone.setItems(ZONES);
        add(zone, "criterion-time-zone");
        binder.forField(zone).asRequired("Choose the time zone.").bind(CriterionDraft::getTimeZone, CriterionDraft::setTimeZone);
    }

    private TextField text(String label, String id) {
        TextField field = new TextField(label);
        field.setMaxLength(SegmentValidation.MAX_TEXT);
        add(field, id);
        return field;
    }

    private IntegerField hour(String label, String id, int max) {
        IntegerField field = new IntegerField(label);
        field.setMin(0);
        field.setMax(max);
        field.setStepButtonsVisible(true);
        add(field, id);
        return field;
    }

    private void add(Component field, String id) {
        field.setId(id);
        form.add(field);
    }

    private static String regexProblem(String text) {
        try {
            Pattern.compile(text);
            return null;
        } catch (PatternSyntaxException e) {
            return e.getDescription();
        }
    }
}
