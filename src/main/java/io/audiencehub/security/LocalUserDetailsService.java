package io.audiencehub.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Local users as Spring Security reads them. An account's lock is not here: it applies only to the
 * addresses that failed lately, which {@link SignInConfiguration} checks before the password.
 */
class LocalUserDetailsService implements UserDetailsService {

    private final LocalUserRepository users;

    LocalUserDetailsService(LocalUserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findCredentials(username)
                .filter(credentials -> credentials.passwordHash() != null)
                .map(credentials -> User.withUsername(credentials.username())
                        .password(credentials.passwordHash())
                        .authorities(credentials.role().authority())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No local user " + username));
    }
}
