package io.audiencehub.security;

import java.time.Clock;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Local users as Spring Security reads them; an account locked by {@link SignInThrottle} is refused before its password is checked. */
class LocalUserDetailsService implements UserDetailsService {

    private final LocalUserRepository users;
    private final Clock clock;

    LocalUserDetailsService(LocalUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findCredentials(username)
                .filter(credentials -> credentials.passwordHash() != null)
                .map(credentials -> User.withUsername(credentials.username())
                        .password(credentials.passwordHash())
                        .authorities(credentials.role().authority())
                        .accountLocked(credentials.lockedUntil() != null && credentials.lockedUntil().isAfter(clock.instant()))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No local user " + username));
    }
}
