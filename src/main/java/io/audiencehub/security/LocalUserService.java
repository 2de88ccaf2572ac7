package io.audiencehub.security;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

@Service
@Validated
public class LocalUserService {

    private static final Logger log = LoggerFactory.getLogger(LocalUserService.class);

    private final LocalUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final UserAuditRepository audit;
    private final CurrentActor actor;
    private final Clock clock;

    LocalUserService(LocalUserRepository users, UserAuditRepository audit, PasswordEncoder passwordEncoder,
                     CurrentActor actor, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.actor = actor;
        this.clock = clock;
    }

    /** Whether the user may not sign in now, after too many failed sign-ins. */
    public boolean isLocked(LocalUser user) {
        return user.isLockedAt(clock.instant());
    }

    /** Lets a user locked after failed sign-ins sign in again at once, and starts the count again. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void unlock(String username) {
        if (users.clearFailedSignIns(username) != 1) {
            throw new UserChangeException("There is no user \"" + username + "\" any more. Reload the page.");
        }
        log.info("Sign-in of {} unlocked by {}", username, actor.name());
        record(username, UserAuditEntry.UNLOCKED, "May sign in again; failed sign-ins forgotten");
    }

    /** The changes to users, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<UserAuditEntry> audit(int offset, int limit) {
        return audit.page(offset, limit);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<LocalUser> page(int offset, int limit) {
        return users.page(offset, limit);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void create(@Valid NewLocalUser user) {
        if (users.exists(user.username())) {
            throw new UserChangeException("A user named \"" + user.username() + "\" already exists. Choose another user name.");
        }
        users.insert(user.username(), user.displayName().strip(), passwordEncoder.encode(user.password()), user.role());
        record(user.username(), UserAuditEntry.CREATED, "Created as " + user.role());
    }

    /** Changes a user's role and, when {@code newPassword} is not blank, its password. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void update(String username, Role role, String newPassword) {
        String hash = null;
        if (newPassword != null && !newPassword.isBlank()) {
            if (newPassword.length() < NewLocalUser.MIN_PASSWORD || newPassword.length() > NewLocalUser.MAX_PASSWORD) {
                throw new UserChangeException("Use " + NewLocalUser.MIN_PASSWORD + " to " + NewLocalUser.MAX_PASSWORD
                        + " characters for the new password.");
            }
            hash = passwordEncoder.encode(newPassword);
        }
        var current = users.findCredentials(username)
                .orElseThrow(() -> new UserChangeException("There is no user \"" + username + "\" any more. Reload the page."));
        if (current.role() == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherAdmin(username);
        }
        users.update(username, role, hash);
        if (current.role() != role) {
            record(username, UserAuditEntry.ROLE_CHANGED, current.role() + " -> " + role);
        }
        if (hash != null) {
            record(username, UserAuditEntry.PASSWORD_RESET, "New password set by an admin");
        }
    }

    /** Removes a user; never yourself, never the last admin. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void delete(String username) {
        if (username.equals(actor.name())) {
            throw new UserChangeException("You cannot remove yourself; ask another admin.");
        }
        users.findCredentials(username).filter(user -> user.role() == Role.ADMIN)
                .ifPresent(admin -> requireAnotherAdmin(username));
        users.delete(username);
        record(username, UserAuditEntry.REMOVED, "Removed");
    }

    private void requireAnotherAdmin(String username) {
        if (users.countAdmins() <= 1) {
            throw new UserChangeException("\"" + username + "\" is the last admin: make another user admin first.");
        }
    }

    /** Makes {@code username} an admin with {@code password}, creating it when missing (start-up only). */
    @Transactional
    void ensureAdmin(String username, String password) {
        var existing = users.findCredentials(username);
        if (existing.isEmpty()) {
            users.insert(username, "Administrator", passwordEncoder.encode(password), Role.ADMIN);
            record(username, UserAuditEntry.CREATED, "Created as ADMIN from the start-up settings");
        } else if (existing.get().role() != Role.ADMIN || existing.get().passwordHash() == null
                || !passwordEncoder.matches(password, existing.get().passwordHash())) {
            users.makeAdmin(username, passwordEncoder.encode(password));
            record(username, UserAuditEntry.MADE_ADMIN, "Made ADMIN with the password of the start-up settings");
        }
    }

    private void record(String username, String action, String detail) {
        audit.append(username, action, actor.name(), clock.instant(), detail);
        log.info("User {}: {} by {} ({})", username, action, actor.name(), detail);
    }
}
