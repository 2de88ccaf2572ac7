package io.audiencehub.sandbox.mixpanel.ui;

import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.audiencehub.sandbox.ui.SandboxShell;
import jakarta.annotation.security.PermitAll;

/** The Mixpanel sandbox's shell: Cohorts and Integrations, as Mixpanel's own navigation. */
@PermitAll
public class SandboxMixpanelLayout extends SandboxShell {

    SandboxMixpanelLayout() {
        super("Mixpanel", navigation());
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Cohorts", SandboxCohortsView.class),
                new SideNavItem("Integrations", SandboxIntegrationsView.class));
        return nav;
    }
}
