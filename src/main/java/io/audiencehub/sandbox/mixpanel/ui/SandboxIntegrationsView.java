package io.audiencehub.sandbox.mixpanel.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.audiencehub.base.ui.EmptyState;
import io.audiencehub.sandbox.mixpanel.MixpanelConnection;
import io.audiencehub.sandbox.mixpanel.SandboxMixpanelService;
import jakarta.annotation.security.PermitAll;

/** Mixpanel's Integrations: the Custom Webhook connections, and a new one as a customer pastes it. */
@Route(value = "mixpanel-sandbox/integrations", layout = SandboxMixpanelLayout.class, registerAtStartup = false)
@PageTitle("Integrations | Mixpanel sandbox")
@PermitAll
public class SandboxIntegrationsView extends Composite<VerticalLayout> {

    /** What the Custom Webhook form holds. */
    public record WebhookForm(String name, String webhookUrl, String userName, String password,
                              String exportProperty) {
    }

    private final SandboxMixpanelService mixpanel;
    private final Grid<MixpanelConnection> connections = new Grid<>();

    SandboxIntegrationsView(SandboxMixpanelService mixpanel, AuthenticationContext authentication) {
        this.mixpanel = mixpanel;
        connections.setId("connections");
        connections.addColumn(MixpanelConnection::name).setHeader("Connection").setAutoWidth(true);
        connections.addColumn(MixpanelConnection::webhookUrl).setHeader("Webhook URL").setFlexGrow(1);
        connections.addColumn(connection -> connection.userName() == null ? "none" : connection.userName())
                .setHeader("Basic user").setAutoWidth(true);
        connections.addColumn(MixpanelConnection::exportProperty).setHeader("Property exported").setAutoWidth(true);
        connections.setAllRowsVisible(true);
        connections.setEmptyStateComponent(EmptyState.of("No connection yet: add a Custom Webhook below, with what"
                + " the receiver showed.", null));
        connections.setItems(mixpanel.connections());
        getContent().add(new H2("Integrations"), connections);
        if (authentication.hasRole("ADMIN")) {
            getContent().add(new H3("Add a Custom Webhook"), new Paragraph("Paste what the receiver showed: its"
                    + " webhook URL and, if it gave them, the Basic credentials Mixpanel sends on every call."),
                    webhookForm());
        }
    }

    private FormLayout webhookForm() {
        TextField name = new TextField("Connection name");
        TextField url = new TextField("Webhook URL");
        TextField user = new TextField("Username");
        PasswordField password = new PasswordField("Password");
        TextField property = new TextField("Properties to Export");
        property.setHelperText("Mixpanel always sends email, mixpanel_distinct_id, first_name and last_name.");
        Binder<WebhookForm> binder = new Binder<>(WebhookForm.class);
        binder.forField(name).asRequired("Name the connection.").bind("name");
        binder.forField(url).asRequired("Paste the webhook URL.").bind("webhookUrl");
        binder.forField(user).bind("userName");
        binder.forField(password).bind("password");
        binder.forField(property).asRequired("Name the property that carries the visitor id.").bind("exportProperty");
        binder.readRecord(new WebhookForm("", "", "", "", mixpanel.visitorProperty()));
        Button create = new Button("Create connection", click -> {
            try {
                WebhookForm form = binder.writeRecord();
                mixpanel.connect(form.name(), form.webhookUrl(), form.userName(), form.password(), form.exportProperty());
                connections.setItems(mixpanel.connections());
                binder.readRecord(new WebhookForm("", "", "", "", mixpanel.visitorProperty()));
                Notification.show("Connection created: export a cohort to it from its page.", 4000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException invalid) {
                // the fields say what is missing
            } catch (IllegalArgumentException refused) {
                Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        create.setId("create-connection");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new FormLayout(name, url, user, password, property, create);
    }
}
