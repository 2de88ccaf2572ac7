package io.audiencehub.sandbox.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** A sandbox's own shell, so that it reads as the other party and not as a page of the hub. */
public abstract class SandboxShell extends AppLayout implements RouterLayout {

    protected SandboxShell(String party, SideNav nav) {
        setPrimarySection(Section.DRAWER);
        Span title = new Span(party + " (sandbox)");
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE, LumoUtility.Flex.GROW);
        Anchor back = new Anchor("/", "Back to Audience Hub");
        back.setId("back-to-hub");
        HorizontalLayout navbar = new HorizontalLayout(title, back);
        navbar.setWidthFull();
        navbar.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM);
        navbar.setAlignItems(HorizontalLayout.Alignment.CENTER);
        addToNavbar(navbar);
        addToDrawer(nav);
    }
}
