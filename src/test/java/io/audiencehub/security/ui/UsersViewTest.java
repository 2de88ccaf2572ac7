package io.audiencehub.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.audiencehub.KaribuTest;
import io.audiencehub.security.LocalUser;
import io.audiencehub.security.Role;
import io.audiencehub.security.UserAuditEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class UsersViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void openAsAdmin() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(UsersView.class);
    }

    @Test
    void anAdminAddsAViewerAndSeesItInTheList() {
        fillAndSave("karibu.viewer", "a password long enough");

        @SuppressWarnings("unchecked")
        Grid<UserAuditEntry> audit = _get(Grid.class, spec -> spec.withId("user-audit"));
        assertThat(_findAll(audit)).as("the change, listed at once").anySatisfy(entry -> {
            assertThat(entry.username()).isEqualTo("karibu.viewer");
            assertThat(entry.action()).isEqualTo(UserAuditEntry.CREATED);
            assertThat(entry.actor()).isEqualTo("admin");
        });

        @SuppressWarnings("unchecked")
        Grid<LocalUser> grid = _get(Grid.class, spec -> spec.withId("users"));
        assertThat(_findAll(grid)).anySatisfy(user -> {
            assertThat(user.username()).isEqualTo("karibu.viewer");
            assertThat(user.role()).isEqualTo(Role.VIEWER);
        });
    }

    @Test
    void eachInvalidFieldShowsItsOwnMessageAndNothingIsSaved() {
        fillAndSave("x", "short");

        TextField username = _get(TextField.class, spec -> spec.withLabel("User name"));
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("Password"));
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("Use 2 to 80 letters, digits or . _ @ -");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("Use 12 to 72 characters");
        @SuppressWarnings("unchecked")
        Grid<LocalUser> grid = _get(Grid.class, spec -> spec.withId("users"));
        assertThat(_findAll(grid)).noneMatch(user -> user.username().equals("x"));
    }

    @Test
    void aTakenUserNameIsShownOnTheField() {
        fillAndSave("admin", "a password long enough");

        TextField username = _get(TextField.class, spec -> spec.withLabel("User name"));
        assertThat(username.getErrorMessage()).contains("already exists");
    }

    @Test
    void aUserLockedAfterFailedSignInsShowsItAndAnAdminUnlocksIt() {
        fillAndSave("karibu.locked", "a password long enough");
        jdbc.sql("UPDATE app_user SET failed_sign_ins = 6, locked_until = NOW(3) + INTERVAL 2 MINUTE WHERE username = ?")
                .param("karibu.locked").update();
        UI.getCurrent().navigate(UsersView.class);
        @SuppressWarnings("unchecked")
        Grid<LocalUser> grid = _get(Grid.class, spec -> spec.withId("users"));
        int row = _findAll(grid).stream().map(LocalUser::username).toList().indexOf("karibu.locked");

        Component signIn = GridKt._getCellComponent(grid, row, "sign-in");
        assertThat(_get(signIn, Span.class, spec -> spec.withClasses("sign-in-locked")).getText())
                .startsWith("Locked until").endsWith("after 6 failed sign-ins");
        _click(_get(signIn, Button.class, spec -> spec.withText("Unlock")));

        LocalUser unlocked = _findAll(grid).get(row);
        assertThat(unlocked.lockedUntil()).isNull();
        assertThat(unlocked.failedSignIns()).isZero();
    }

    @Test
    void anAdminRemovesAUserFromItsRow() {
        fillAndSave("karibu.leaver", "a password long enough");
        @SuppressWarnings("unchecked")
        Grid<LocalUser> grid = _get(Grid.class, spec -> spec.withId("users"));
        int row = _findAll(grid).stream().map(LocalUser::username).toList().indexOf("karibu.leaver");

        GridKt._clickItem(grid, row);
        _click(_get(Button.class, spec -> spec.withId("remove-user")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(_findAll(grid)).noneMatch(user -> user.username().equals("karibu.leaver"));
    }

    private static void fillAndSave(String username, String password) {
        _click(_get(Button.class, spec -> spec.withId("add-user")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("User name")), username);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name shown")), "Someone");
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, spec -> spec.withLabel("Role"));
        _setValue(role, Role.VIEWER);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Password")), password);
        _click(_get(Button.class, spec -> spec.withId("save-user")));
    }
}
