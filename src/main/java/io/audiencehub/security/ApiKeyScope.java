package io.audiencehub.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a key opens. A key acts with a role, so that every service checks it the way it checks a person:
 * READ as a viewer, WRITE as an admin. The {@code SCOPE_} authorities let the filter chain refuse a
 * change to a read-only key before it reaches a service.
 */
public enum ApiKeyScope {
    READ("Read", Role.VIEWER),
    WRITE("Read and write", Role.ADMIN);

    static final String READ_AUTHORITY = "SCOPE_read";
    static final String WRITE_AUTHORITY = "SCOPE_write";

    private final String label;
    private final Role role;

    ApiKeyScope(String label, Role role) {
        this.label = label;
        this.role = role;
    }

    /** Whether the request was signed in with an API key (any scope reads): a server-side client. */
    public static boolean isApiKey(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> READ_AUTHORITY.equals(authority.getAuthority()));
    }

    public String label() {
        return label;
    }

    List<GrantedAuthority> authorities() {
        return this == WRITE
                ? List.of(role.authority(), new SimpleGrantedAuthority(READ_AUTHORITY), new SimpleGrantedAuthority(WRITE_AUTHORITY))
                : List.of(role.authority(), new SimpleGrantedAuthority(READ_AUTHORITY));
    }
}
