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
import java.util.function.Consumer;

/** Asks for the new connector's name, then hands it on to be authorized with the provider. */
class SetupConnectorDialog extends Dialog {

    public record ConnectorName(String name) {
    }

    private final TextField name = new TextField("Connector name");
    private final Binder<ConnectorName> binder = new Binder<>(ConnectorName.class);

    /** {@code authorize} either leaves the page for the provider or throws a ConnectorException to show. */
    SetupConnectorDialog(String providerName, Consumer<String> authorize) {
        setHeaderTitle("Setup connector: " + providerName);
        name.setMaxLength(ConnectorService.MAX_NAME_LENGTH);
        name.setWidthFull();
        name.setHelperText("1 to " + ConnectorService.MAX_NAME_LENGTH + " characters, unique in this hub");
        binder.forField(name)
                .asRequired("Give the connector a name")
                .withValidator(new StringLengthValidator("Use at most " + ConnectorService.MAX_NAME_LENGTH
                        + " characters", 1, ConnectorService.MAX_NAME_LENGTH))
                .bind("name");

        Button create = new Button("Authorize and create", event -> submit(authorize));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("authorize-and-create");
        getFooter().add(new Button("Cancel", event -> close()), create);
        add(new Paragraph("You will be sent to " + providerName + " to allow access, then back here."), name);
        setWidth("32rem");
    }

    private void submit(Consumer<String> authorize) {
        try {
            authorize.accept(binder.writeRecord().name());
        } catch (ValidationException e) {
            // the binder shows the message on the field
        } catch (ConnectorException e) {
            name.setInvalid(true);
            name.setErrorMessage(e.getMessage());
        }
    }
}
