package io.audiencehub.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.audiencehub.base.ui.Times;
import io.audiencehub.security.ApiKey;
import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.ApiKeyService;
import io.audiencehub.security.ApiKeyWrite;
import io.audiencehub.security.NewApiKey;
import io.audiencehub.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;

/** Keys of server-side clients of the API: created with a name and shown once, revoked for good. */
@Route("admin/api-keys")
@PageTitle("API keys | Audience Hub")
@Menu(title = "API keys", order = 91, icon = "vaadin:key")
@RolesAllowed(Role.ADMIN_NAME)
public class ApiKeysView extends Composite<VerticalLayout> {

    private final ApiKeyService keys;
    private final Grid<ApiKey> grid = new Grid<>();

    ApiKeysView(ApiKeyService keys) {
        this.keys = keys;
        grid.setId("api-keys");
        grid.addColumn(ApiKey::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(key -> key.prefix() + "…").setHeader("Key").setAutoWidth(true);
        grid.addColumn(ApiKey::access).setHeader("Access").setKey("access").setAutoWidth(true);
        grid.addColumn(ApiKey::createdBy).setHeader("Created by").setAutoWidth(true);
        grid.addColumn(key -> Times.format(key.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::state).setHeader("State").setKey("state").setAutoWidth(true);
        grid.setItems(query -> keys.page(query.getOffset(), query.getLimit()).stream(), query -> keys.count());
        Button create = new Button("New API key", click -> askForName());
        create.setId("new-api-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Grid<ApiKeyWrite> writes = new Grid<>();
        writes.setId("api-key-writes");
        writes.addColumn(write -> Times.format(write.at())).setHeader("When").setAutoWidth(true);
        writes.addColumn(ApiKeyWrite::actor).setHeader("Key").setAutoWidth(true);
        writes.addColumn(write -> write.method() + " " + write.path()).setHeader("Request").setFlexGrow(1);
        writes.addColumn(ApiKeyWrite::status).setHeader("Answer").setAutoWidth(true);
        writes.setItems(query -> keys.writes(query.getOffset(), query.getLimit()).stream());
        getContent().add(new H2("API keys"), new Paragraph("Server-side clients send a key as"
                + " \"Authorization: Bearer <key>\": the automation API under /api/v1 reads with any key and changes"
                + " things with a read-and-write key, audited under the key's name; with any key, the decision API also"
                + " answers which targeted segments the visitor is in. A key is shown once, when it is created."),
                create, grid, new H3("Changes requested with keys"), writes);
    }

    private Component state(ApiKey key) {
        if (key.revoked()) {
            return new Span("revoked " + Times.format(key.revokedAt()));
        }
        Button revoke = new Button("Revoke", click -> new ConfirmDialog("Revoke \"" + key.name() + "\"?",
                "Clients using it are refused at once. This cannot be undone.", "Revoke", confirmed -> {
            keys.revoke(key.id());
            grid.getDataProvider().refreshAll();
        }).open());
        revoke.setId("revoke-" + key.id());
        revoke.setAriaLabel("Revoke API key " + key.name());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return revoke;
    }

    private void askForName() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New API key");
        TextField name = new TextField("Name");
        name.setId("api-key-name");
        name.setMaxLength(ApiKeyService.MAX_NAME_LENGTH);
        name.setHelperText("Which client uses it, such as \"Checkout service\".");
        CheckboxGroup<ApiKeyScope> scope = new CheckboxGroup<>("Changes it may make");
        scope.setId("api-key-scope");
        scope.setItems(Arrays.stream(ApiKeyScope.values()).filter(choice -> choice != ApiKeyScope.READ).toList());
        scope.setItemLabelGenerator(choice -> choice.label() + ": " + choice.allows());
        scope.setHelperText("Every key reads. Give it only the changes its client makes.");
        Button create = new Button("Create key", click -> {
            try {
                NewApiKey created = keys.create(name.getValue(), scope.getValue());
                dialog.close();
                show(created);
                grid.getDataProvider().refreshAll();
            } catch (RuntimeException e) {
                name.setErrorMessage(e.getMessage());
                name.setInvalid(true);
            }
        });
        create.setId("create-api-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(name, scope));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), create);
        dialog.open();
    }

    private static void show(NewApiKey created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Key \"" + created.key().name() + "\"");
        TextField secret = new TextField("The key");
        secret.setId("api-key-secret");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidth("32rem");
        dialog.add(new VerticalLayout(new Paragraph("Copy it now: it is not shown again."), secret));
        Button done = new Button("I have copied it", click -> dialog.close());
        done.setId("api-key-copied");
        dialog.getFooter().add(new HorizontalLayout(done));
        dialog.open();
    }
}
