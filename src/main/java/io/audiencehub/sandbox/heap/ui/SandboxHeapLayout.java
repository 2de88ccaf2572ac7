package io.audiencehub.sandbox.heap.ui;

import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.audiencehub.sandbox.ui.SandboxShell;
import jakarta.annotation.security.PermitAll;

/** The Heap sandbox's shell: Definitions and Integrations, as Heap's own navigation. */
@PermitAll
public class SandboxHeapLayout extends SandboxShell {

    SandboxHeapLayout() {
        super("Heap", navigation());
    }

    private static SideNav navigation() {
        SideNavItem definitions = new SideNavItem("Definitions");
        definitions.addItem(new SideNavItem("Segments", SandboxSegmentsView.class));
        definitions.setExpanded(true);
        SideNavItem integrations = new SideNavItem("Integrations");
        integrations.addItem(new SideNavItem("Directory", SandboxDirectoryView.class));
        integrations.setExpanded(true);
        SideNav nav = new SideNav();
        nav.addItem(definitions, integrations);
        return nav;
    }
}
