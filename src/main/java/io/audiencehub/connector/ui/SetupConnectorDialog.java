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
import java.util.Locale;
import java.util.function.Consumer;

/** Asks for the new connector's name, then hands it on to be created (authorized with the provider, for OAuth). */
class SetupConnectorDialog extends Dialog {

    public record ConnectorName(String name) {
    }

    private final TextField name = new TextField("Connector name");
    private final Binder<ConnectorName> binder = new Binder<>(ConnectorName.class);

    /**
     * {@code create} either leaves the page for the provider (OAuth) or creates the connector here, or
     * throws a ConnectorException to show; {@code createLabel} and {@code explanation} say which.
     */
    SetupConnectorDialog(String providerName, String createLabel, String explanation, Consumer<String> create) {
        setHeaderTitle("Setup connector: " + providerName);
        name.setMaxLength(ConnectorService.MAX_NAME_LENGTH);
        name.setWidthFull();
        name.setHelperText("1 to " + ConnectorService.MAX_NAME_LENGTH + " characters, unique in this hub");
        binder.forField(name)
                .asRequired("Give the connector a name")
                .withValidator(new StringLengthValidator("Use at most " + ConnectorService.MAX_NAME_LENGTH
                        + " characters", 1, ConnectorService.MAX_NAME_LENGTH))
                .bind("name");

        Button submit = new Button(createLabel, event -> submit(create));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId(createLabel.toLowerCase(Locale.ROOT).replace(' ', '-'));
        getFooter().add(new Button("Cancel", event -> close()), submit);
        add(new Paragraph(explanation), name);
        setWidth("32rem");
    }

    private void submit(Consumer<String> create) {
        try {
            create.accept(binder.writeRecord().name());
            close();
        } catch (ValidationException e) {
            // the binder shows the message on the field
        } catch (ConnectorException e) {
            name.setInvalid(true);
            name.setErrorMessage(e.getMessage());
        }
    }
}
