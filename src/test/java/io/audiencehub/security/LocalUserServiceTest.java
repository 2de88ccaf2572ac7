package io.audiencehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.audiencehub.IntegrationTest;
import jakarta.validation.ConstraintViolationException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

class LocalUserServiceTest extends IntegrationTest {

    @Autowired
    LocalUserService users;

    @Test
    @WithMockUser(roles = "ADMIN")
    void anAdminAddsAViewerWhoCanThenSignIn() {
        users.create(new NewLocalUser("olga.viewer", "Olga", Role.VIEWER, "correct horse battery"));

        assertThat(users.page(0, 100)).anySatisfy(user -> {
            assertThat(user.username()).isEqualTo("olga.viewer");
            assertThat(user.role()).isEqualTo(Role.VIEWER);
        });
        assertThat(signInForm().signsIn("olga.viewer", "correct horse battery")).isTrue();
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void aViewerCannotAddUsers() {
        assertThatThrownBy(() -> users.create(new NewLocalUser("sneaky", "Sneaky", Role.ADMIN, "long enough pass")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aTakenUserNameIsRefusedWithAMessageThatNamesIt() {
        assertThatThrownBy(() -> users.create(new NewLocalUser("admin", "Other", Role.VIEWER, "long enough pass")))
                .isInstanceOf(UserChangeException.class)
                .hasMessage("A user named \"admin\" already exists. Choose another user name.");
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aShortPasswordIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> users.create(new NewLocalUser("shorty", "Shorty", Role.VIEWER, "short")))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("password").hasMessageContaining("Use 12 to 72 characters");
        assertThat(users.page(0, 100)).noneMatch(user -> user.username().equals("shorty"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anAdminChangesARoleAndAPasswordThenTheUserSignsInWithTheNewOne() {
        users.create(new NewLocalUser("pat.changes", "Pat", Role.VIEWER, "the first password"));

        users.update("pat.changes", Role.ADMIN, "a brand new password");
        assertThat(signInForm().signsIn("pat.changes", "a brand new password")).isTrue();
        assertThat(signInForm().signsIn("pat.changes", "the first password")).isFalse();
        assertThat(users.page(0, 100)).filteredOn(user -> user.username().equals("pat.changes"))
                .singleElement().extracting(LocalUser::role).isEqualTo(Role.ADMIN);

        users.update("pat.changes", Role.VIEWER, "");
        users.delete("pat.changes");
        assertThat(users.page(0, 100)).noneMatch(user -> user.username().equals("pat.changes"));
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void nobodyRemovesThemselvesAndTheLastAdminStays() {
        assertThatThrownBy(() -> users.delete("admin")).isInstanceOf(UserChangeException.class)
                .hasMessage("You cannot remove yourself; ask another admin.");
        assertThatThrownBy(() -> users.update("admin", Role.VIEWER, null)).isInstanceOf(UserChangeException.class)
                .hasMessage("\"admin\" is the last admin: make another user admin first.");
        assertThatThrownBy(() -> users.update("admin", Role.ADMIN, "short")).isInstanceOf(UserChangeException.class)
                .hasMessage("Use 12 to 72 characters for the new password.");
    }

    @Test
    @WithMockUser(username = "audit-admin", roles = "ADMIN")
    void everyChangeToAUserIsAuditedWithWhoAndWhatButNeverThePassword() {
        String name = "quinn." + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewLocalUser(name, "Quinn", Role.VIEWER, "the first password"));
        users.update(name, Role.ADMIN, "a brand new password");
        users.unlock(name);
        users.delete(name);

        assertThat(users.audit(0, 1_000)).filteredOn(entry -> entry.username().equals(name))
                .extracting(UserAuditEntry::action, UserAuditEntry::actor, UserAuditEntry::detail)
                .containsExactly(
                        tuple(UserAuditEntry.REMOVED, "audit-admin", "Removed"),
                        tuple(UserAuditEntry.UNLOCKED, "audit-admin",
                                "May sign in again; failed sign-ins forgotten"),
                        tuple(UserAuditEntry.PASSWORD_RESET, "audit-admin",
                                "New password set by an admin"),
                        tuple(UserAuditEntry.ROLE_CHANGED, "audit-admin", "VIEWER -> ADMIN"),
                        tuple(UserAuditEntry.CREATED, "audit-admin", "Created as VIEWER"));
        assertThat(users.audit(0, 1_000)).noneMatch(entry -> entry.detail().contains("password")
                && entry.detail().contains("brand new"));
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void onlyAnAdminReadsTheUsersAudit() {
        assertThatThrownBy(() -> users.audit(0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    private SignInForm signInForm() {
        return new SignInForm(baseUrl(), "192.0.2.50");
    }
}
