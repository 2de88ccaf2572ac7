package io.audiencehub.sandbox.mixpanel.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;

/** The Mixpanel sandbox's own shell, so that it reads as the other party and not as a page of the hub. */
@PermitAll
public class SandboxMixpanelLayout extends AppLayout implements RouterLayout {

    SandboxMixpanelLayout() {
        setPrimarySection(Section.DRAWER);
        Span title = new Span("Mixpanel (sandbox)");
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE, LumoUtility.Flex.GROW);
        Anchor back = new Anchor("/", "Back to Audience Hub");
        back.setId("back-to-hub");
        HorizontalLayout navbar = new HorizontalLayout(title, back);
        navbar.setWidthFull();
        navbar.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM);
        navbar.setAlignItems(HorizontalLayout.Alignment.CENTER);
        addToNavbar(navbar);
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Cohorts", SandboxCohortsView.class),
                new SideNavItem("Integrations", SandboxIntegrationsView.class));
        addToDrawer(nav);
    }
}
