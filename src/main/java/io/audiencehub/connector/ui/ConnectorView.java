package io.audiencehub.connector.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.audiencehub.base.ui.ReadOnlyField;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorAuditEntry;
import io.audiencehub.connector.ConnectorException;
import io.audiencehub.connector.ConnectorKind;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.CustomSources;
import io.audiencehub.connector.HeapAuthorization;
import io.audiencehub.connector.MixpanelSources;
import io.audiencehub.connector.ConnectorState;
import jakarta.annotation.security.PermitAll;

/** One connector: its details and TokenID, what an admin can do with it, and its audit trail. */
@Route("integrations/connectors/:id")
@PageTitle("Connector | Audience Hub")
@PermitAll
public class ConnectorView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    private final ConnectorService connectors;
    private final CustomSources customSources;
    private final MixpanelSources mixpanelSources;
    private final HeapAuthorization heapAuthorization;
    private final boolean admin;
    private long id;

    ConnectorView(ConnectorService connectors, CustomSources customSources, MixpanelSources mixpanelSources,
                  HeapAuthorization heapAuthorization, AuthenticationContext authentication) {
        this.connectors = connectors;
        this.customSources = customSources;
        this.mixpanelSources = mixpanelSources;
        this.heapAuthorization = heapAuthorization;
        this.admin = authentication.hasRole("ADMIN");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        show();
    }

    private void show() {
        Connector connector = connectors.find(id).orElseThrow(NotFoundException::new);
        VerticalLayout content = getContent();
        content.removeAll();
        content.add(new H2(connector.name()), StateBadge.of(connector.state()));
        if (connector.failureReason() != null && connector.state() == ConnectorState.FAILED) {
            Paragraph reason = new Paragraph(connector.failureReason());
            reason.setId("failure-reason");
            content.add(reason);
        }
        FormLayout details = new FormLayout(
                ReadOnlyField.of("Environment", connector.environmentName()),
                new TokenIdField("TokenID", connector.tokenId()),
                ReadOnlyField.of("Created by", connector.createdBy()),
                ReadOnlyField.of("Created", String.valueOf(connector.createdAt())));
        content.add(details);
        if (admin) {
            content.add(actions(connector));
        }
        Grid<ConnectorAuditEntry> audit = new Grid<>();
        audit.setId("connector-audit");
        audit.addColumn(ConnectorAuditEntry::at).setHeader("When").setAutoWidth(true);
        audit.addColumn(ConnectorAuditEntry::action).setHeader("What").setAutoWidth(true);
        audit.addColumn(ConnectorAuditEntry::actor).setHeader("Who").setAutoWidth(true);
        audit.addColumn(ConnectorAuditEntry::detail).setHeader("Detail").setFlexGrow(1);
        audit.setItems(query -> connectors.audit(id, query.getOffset(), query.getLimit()).stream());
        content.add(new H3("History"), audit);
    }

    private HorizontalLayout actions(Connector connector) {
        Button rename = new Button("Rename", event -> rename(connector));
        rename.setId("rename-connector");
        HorizontalLayout actions = new HorizontalLayout(rename);
        if (connector.kind().hasSigningSecret() && connector.validated()) {
            Button secret = new Button("New signing secret", event -> confirm("Replace the signing secret of \""
                    + connector.name() + "\"?", "Pages signed with the current secret are refused from now on.",
                    () -> new SigningSecretDialog(customSources.newSigningSecret(id),
                            customSources.webhookUrl(connector.tokenId())).open()));
            secret.setId("new-signing-secret");
            actions.add(secret);
        }
        if (connector.kind().proof() == ConnectorKind.Proof.BASIC_CREDENTIALS && connector.validated()) {
            Button credentials = new Button("New credentials", event -> confirm("Replace the webhook credentials of \""
                    + connector.name() + "\"?", "Calls with the current user name and password are refused from now on:"
                    + " paste the new ones into the provider.", () -> new MixpanelCredentialsDialog(
                    mixpanelSources.newCredentials(id), mixpanelSources.webhookUrl(connector.tokenId())).open()));
            credentials.setId("new-credentials");
            actions.add(credentials);
        }
        if (connector.kind().setup() == ConnectorKind.Setup.OAUTH && !connector.validated()) {
            Button again = new Button("Authorize again", event -> attempt(
                    () -> getUI().orElseThrow().getPage().setLocation(heapAuthorization.again(id))));
            again.setId("authorize-again");
            actions.add(again);
        }
        if (connector.state() != ConnectorState.DISCONNECTED) {
            Button disconnect = new Button("Disconnect", event -> confirm("Disconnect \"" + connector.name() + "\"?",
                    "Its token is discarded; its history stays.", () -> {
                        connectors.disconnect(id);
                        show();
                    }));
            disconnect.setId("disconnect-connector");
            actions.add(disconnect);
        }
        Button delete = new Button("Delete", event -> confirm("Delete \"" + connector.name() + "\"?",
                "This cannot be undone.", () -> {
                    connectors.delete(id);
                    getUI().orElseThrow().navigate("integrations/hub/" + connector.providerId());
                }));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setId("delete-connector");
        actions.add(delete);
        return actions;
    }

    private void rename(Connector connector) {
        TextField name = new TextField("New name", connector.name(), "");
        name.setMaxLength(ConnectorService.MAX_NAME_LENGTH);
        name.setWidthFull();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Rename connector");
        dialog.add(name);
        dialog.setCloseOnEsc(true);
        dialog.setCancelable(true);
        dialog.setConfirmText("Rename");
        dialog.addConfirmListener(event -> attempt(() -> {
            connectors.rename(id, name.getValue());
            show();
        }));
        dialog.open();
    }

    private void confirm(String header, String text, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, "Yes", event -> attempt(action));
        dialog.setCancelable(true);
        dialog.open();
    }

    private static void attempt(Runnable action) {
        try {
            action.run();
        } catch (ConnectorException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
