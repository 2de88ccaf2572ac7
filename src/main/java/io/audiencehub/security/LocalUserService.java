package io.audiencehub.security;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

@Service
@Validated
public class LocalUserService {

    private final LocalUserRepository users;
    private final PasswordEncoder passwordEncoder;

    LocalUserService(LocalUserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
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
            throw new DuplicateUserException(user.username());
        }
        users.insert(user.username(), user.displayName().strip(), passwordEncoder.encode(user.password()), user.role());
    }

    /** Makes {@code username} an admin with {@code password}, creating it when missing (start-up only). */
    @Transactional
    void ensureAdmin(String username, String password) {
        var existing = users.findCredentials(username);
        if (existing.isEmpty()) {
            users.insert(username, "Administrator", passwordEncoder.encode(password), Role.ADMIN);
        } else if (existing.get().role() != Role.ADMIN || existing.get().passwordHash() == null
                || !passwordEncoder.matches(password, existing.get().passwordHash())) {
            users.makeAdmin(username, passwordEncoder.encode(password));
        }
    }
}
