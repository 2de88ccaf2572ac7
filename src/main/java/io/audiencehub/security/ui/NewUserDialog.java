package io.audiencehub.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import io.audiencehub.security.UserChangeException;
import io.audiencehub.security.NewLocalUser;
import io.audiencehub.security.Role;
import java.util.function.Consumer;

/** Asks for a new local user; validates each field and hands a valid one to {@code onSave}. */
class NewUserDialog extends Dialog {

    private final TextField username = new TextField("User name");
    private final TextField displayName = new TextField("Name shown");
    private final Select<Role> role = new Select<>();
    private final PasswordField password = new PasswordField("Password");
    private final BeanValidationBinder<NewLocalUser> binder = new BeanValidationBinder<>(NewLocalUser.class);

    NewUserDialog(Consumer<NewLocalUser> onSave) {
        setHeaderTitle("Add user");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setValue(Role.VIEWER);
        role.setHelperText("A viewer sees everything and changes nothing");
        password.setHelperText("12 to 72 characters");
        binder.bindInstanceFields(this);

        Button save = new Button("Add user", event -> save(onSave));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-user");
        getFooter().add(new Button("Cancel", event -> close()), save);
        add(new FormLayout(username, displayName, role, password));
    }

    private void save(Consumer<NewLocalUser> onSave) {
        try {
            onSave.accept(binder.writeRecord());
            close();
        } catch (ValidationException e) {
            // the binder already shows each field's message
        } catch (UserChangeException e) {
            username.setInvalid(true);
            username.setErrorMessage(e.getMessage());
        }
    }
}
