package io.audiencehub.security;

import java.util.List;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class LocalUserDetailsService implements UserDetailsService {

    private final LocalUserRepository users;

    LocalUserDetailsService(LocalUserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findCredentials(username)
                .filter(credentials -> credentials.passwordHash() != null)
                .map(credentials -> new User(credentials.username(), credentials.passwordHash(),
                        List.of(credentials.role().authority())))
                .orElseThrow(() -> new UsernameNotFoundException("No local user " + username));
    }
}
