package io.audiencehub.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** ADMIN changes things; VIEWER sees everything and changes nothing. */
public enum Role {
    ADMIN,
    VIEWER;

    public static final String ADMIN_NAME = "ADMIN";

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }
}
