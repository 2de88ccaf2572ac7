package io.audiencehub.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Who services record as having done something (audit trails, ownership of a pending action). Reads
 * the security context through this application's strategy, the one its filters and Vaadin fill.
 */
@Component
public class CurrentActor {

    private final SecurityContextHolderStrategy securityContext;

    CurrentActor(SecurityContextHolderStrategy securityContext) {
        this.securityContext = securityContext;
    }

    public String name() {
        Authentication authentication = securityContext.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
