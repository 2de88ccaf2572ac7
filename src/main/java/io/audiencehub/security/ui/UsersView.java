package io.audiencehub.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.audiencehub.base.ui.Badge;
import io.audiencehub.base.ui.Times;
import io.audiencehub.security.LocalUser;
import io.audiencehub.security.LocalUserService;
import io.audiencehub.security.NewLocalUser;
import io.audiencehub.security.Role;
import io.audiencehub.security.UserAuditEntry;
import jakarta.annotation.security.RolesAllowed;

@Route("admin/users")
@PageTitle("Users | Audience Hub")
@Menu(title = "Users", order = 90, icon = "vaadin:users")
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends Composite<VerticalLayout> {

    private final LocalUserService users;
    private final Grid<LocalUser> grid = new Grid<>();
    private final Grid<UserAuditEntry> auditGrid = new Grid<>();

    UsersView(LocalUserService users) {
        this.users = users;
        grid.setId("users");
        grid.addColumn(LocalUser::username).setHeader("User name");
        grid.addColumn(LocalUser::displayName).setHeader("Name");
        grid.addColumn(LocalUser::role).setHeader("Role");
        grid.addColumn(LocalUser::createdAt).setHeader("Created");
        grid.addComponentColumn(this::signIn).setHeader("Sign-in").setKey("sign-in");
        grid.setItems(query -> users.page(query.getOffset(), query.getLimit()).stream());
        grid.addItemClickListener(click -> new EditUserDialog(click.getItem(), new EditUserDialog.Actions() {
            @Override
            public void save(String username, Role role, String newPassword) {
                users.update(username, role, newPassword);
                changed("User " + username + " saved");
            }

            @Override
            public void remove(String username) {
                users.delete(username);
                changed("User " + username + " removed");
            }
        }).open());

        Button add = new Button("Add user", event -> new NewUserDialog(this::create).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-user");
        HorizontalLayout header = new HorizontalLayout(new H2("Local users"), add);
        header.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        auditGrid.setId("user-audit");
        auditGrid.addColumn(entry -> Times.format(entry.at())).setHeader("When").setAutoWidth(true);
        auditGrid.addColumn(UserAuditEntry::username).setHeader("User").setAutoWidth(true);
        auditGrid.addColumn(UserAuditEntry::action).setHeader("Change").setAutoWidth(true);
        auditGrid.addColumn(UserAuditEntry::actor).setHeader("By").setAutoWidth(true);
        auditGrid.addColumn(UserAuditEntry::detail).setHeader("Detail");
        auditGrid.setItems(query -> users.audit(query.getOffset(), query.getLimit()).stream());
        getContent().add(header, grid, new H3("Changes to users"), auditGrid);
        getContent().setSizeFull();
    }

    /** Locked after failed sign-ins (until when, and an Unlock button), failures so far, or nothing. */
    private Component signIn(LocalUser user) {
        if (users.isLocked(user)) {
            Button unlock = new Button("Unlock", event -> {
                users.unlock(user.username());
                changed("User " + user.username() + " may sign in again");
            });
            unlock.setAriaLabel("Unlock " + user.username());
            unlock.addThemeVariants(ButtonVariant.LUMO_SMALL);
            HorizontalLayout locked = new HorizontalLayout(Badge.of("Locked until " + Times.format(user.lockedUntil())
                    + " after " + user.failedSignIns() + " failed sign-ins", Badge.Tone.BAD, "sign-in-locked"), unlock);
            locked.setAlignItems(HorizontalLayout.Alignment.CENTER);
            return locked;
        }
        return user.failedSignIns() > 0
                ? Badge.of(user.failedSignIns() + " failed sign-ins", Badge.Tone.NEUTRAL, "sign-in-failures")
                : new Span();
    }

    private void create(NewLocalUser user) {
        users.create(user);
        changed("User " + user.username() + " added");
    }

    private void changed(String message) {
        grid.getDataProvider().refreshAll();
        auditGrid.getDataProvider().refreshAll();
        Notification.show(message);
    }
}
