package io.audiencehub.connector.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.StringLengthValidator;
import io.audiencehub.connector.ConnectorException;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.MixpanelSources;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Asks for the new connector's name (and, for a source whose exports name the visitor id by a property,
 * that property), then hands it on to be created (authorized with the provider, for OAuth).
 */
class SetupConnectorDialog extends Dialog {

    /** What the dialog asks; {@code visitorProperty} is null for a source that has none. */
    public record ConnectorName(String name, String visitorProperty) {
    }

    private final TextField name = new TextField("Connector name");
    private final Binder<ConnectorName> binder = new Binder<>(ConnectorName.class);

    /**
     * {@code create} either leaves the page for the provider (OAuth) or creates the connector here, or
     * throws a ConnectorException to show; {@code createLabel} and {@code explanation} say which.
     */
    SetupConnectorDialog(String providerName, String createLabel, String explanation, Consumer<ConnectorName> create) {
        this(providerName, createLabel, explanation, null, create);
    }

    /** As above, also asking for the user property that carries the visitor id, starting from {@code defaultProperty}. */
    SetupConnectorDialog(String providerName, String createLabel, String explanation, String defaultProperty,
                         Consumer<ConnectorName> create) {
        setHeaderTitle("Setup connector: " + providerName);
        name.setMaxLength(ConnectorService.MAX_NAME_LENGTH);
        name.setWidthFull();
        name.setHelperText("1 to " + ConnectorService.MAX_NAME_LENGTH + " characters, unique in this hub");
        binder.forField(name)
                .asRequired("Give the connector a name")
                .withValidator(new StringLengthValidator("Use at most " + ConnectorService.MAX_NAME_LENGTH
                        + " characters", 1, ConnectorService.MAX_NAME_LENGTH))
                .bind("name");
        TextField property = new TextField("Visitor id property");
        property.setId("visitor-property");
        property.setWidthFull();
        property.setMaxLength(MixpanelSources.MAX_PROPERTY_LENGTH);
        property.setHelperText("The user property whose value is the hub's visitor id; export it with the cohorts");
        property.setValue(defaultProperty == null ? "" : defaultProperty);
        property.setVisible(defaultProperty != null);
        // every record component is bound; the property is asked only of the sources that have one
        binder.forField(property).withValidator(text -> defaultProperty == null || !text.isBlank(),
                "Name the property that carries the visitor id").bind("visitorProperty");

        Button submit = new Button(createLabel, event -> submit(create));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId(createLabel.toLowerCase(Locale.ROOT).replace(' ', '-'));
        getFooter().add(new Button("Cancel", event -> close()), submit);
        add(new Paragraph(explanation), name, property);
        setWidth("32rem");
    }

    private void submit(Consumer<ConnectorName> create) {
        try {
            create.accept(binder.writeRecord());
            close();
        } catch (ValidationException e) {
            // the binder shows the message on the field
        } catch (ConnectorException e) {
            name.setInvalid(true);
            name.setErrorMessage(e.getMessage());
        }
    }
}
