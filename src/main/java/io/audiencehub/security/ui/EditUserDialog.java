package io.audiencehub.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.audiencehub.security.LocalUser;
import io.audiencehub.security.NewLocalUser;
import io.audiencehub.security.Role;
import io.audiencehub.security.UserChangeException;

/** Changes a local user's role or password, or removes the user; the service's refusals show here. */
class EditUserDialog extends Dialog {

    interface Actions {
        void save(String username, Role role, String newPassword);

        void remove(String username);
    }

    private final Select<Role> role = new Select<>();
    private final PasswordField password = new PasswordField("New password");
    private final Paragraph problem = new Paragraph();

    EditUserDialog(LocalUser user, Actions actions) {
        setHeaderTitle("User " + user.username());
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setValue(user.role());
        password.setHelperText("Leave empty to keep the current password");
        password.setMaxLength(NewLocalUser.MAX_PASSWORD);
        problem.setId("user-problem");
        problem.addClassName(LumoUtility.TextColor.ERROR);

        Button save = new Button("Save", event -> attempt(() -> actions.save(user.username(), role.getValue(),
                password.getValue())));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-user-changes");
        Button remove = new Button("Remove user", event -> new ConfirmDialog("Remove " + user.username() + "?",
                "They will no longer be able to sign in.", "Remove",
                confirmed -> attempt(() -> actions.remove(user.username()))).open());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.setId("remove-user");
        getFooter().add(remove, new Button("Cancel", event -> close()), save);
        add(new FormLayout(role, password), problem);
    }

    private void attempt(Runnable change) {
        try {
            change.run();
            close();
        } catch (UserChangeException e) {
            problem.setText(e.getMessage());
        }
    }
}
