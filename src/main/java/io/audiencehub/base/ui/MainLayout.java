package io.audiencehub.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The shell: the side navigation, built from the {@code @Menu} entries the user may open, and the
 * user menu. Entries whose path starts with a known section ({@code integrations/}) are nested
 * under that section.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    static final String INTEGRATIONS = "/integrations/";

    MainLayout(AuthenticationContext authentication, List<NavbarItem> items) {
        setPrimarySection(Section.DRAWER);
        Span title = new Span("Audience Hub");
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE, LumoUtility.Flex.GROW);
        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), title);
        items.forEach(item -> navbar.add(item.create()));
        navbar.add(userMenu(authentication));
        navbar.setWidthFull();
        navbar.setAlignItems(HorizontalLayout.Alignment.CENTER);
        navbar.addClassNames(LumoUtility.Padding.End.MEDIUM);
        addToNavbar(navbar);
        addToDrawer(navigation());
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        SideNavItem integrations = new SideNavItem("Integrations");
        integrations.setPrefixComponent(VaadinIcon.CONNECT.create());
        integrations.setExpanded(true);
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = entry.icon() == null
                    ? new SideNavItem(entry.title(), entry.path())
                    : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
            if (("/" + entry.path()).replace("//", "/").startsWith(INTEGRATIONS)) {
                // the group takes the place of its first entry in the menu's order
                if (integrations.getItems().isEmpty()) {
                    nav.addItem(integrations);
                }
                integrations.addItem(item);
            } else {
                nav.addItem(item);
            }
        }
        nav.addClassNames(LumoUtility.Margin.Horizontal.SMALL);
        return nav;
    }

    private static MenuBar userMenu(AuthenticationContext authentication) {
        String name = authentication.getPrincipalName().orElse("");
        Avatar avatar = new Avatar(name);
        avatar.addThemeVariants(AvatarVariant.LUMO_XSMALL);
        Div label = new Div(avatar, new Span(name));
        label.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.SMALL, LumoUtility.AlignItems.CENTER);

        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        var user = menu.addItem(label);
        user.getSubMenu().addItem("Sign out", event -> authentication.logout()).setId("logout");
        return menu;
    }
}
