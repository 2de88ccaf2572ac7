package io.audiencehub.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import io.audiencehub.KaribuTest;
import io.audiencehub.overview.ui.OverviewView;
import io.audiencehub.security.ui.LoginView;
import io.audiencehub.security.ui.UsersView;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShellViewTest extends KaribuTest {

    @Test
    void anAnonymousVisitorIsSentToTheLoginPageWhichShowsTheDemoCredentials() {
        UI.getCurrent().navigate("integrations/directory");

        _get(LoginView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("demo-credentials")).getText())
                .contains("admin / admin");
    }

    @Test
    void anAdminSeesEveryMenuEntryWithTheIntegrationsNested() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("");

        _get(OverviewView.class);
        assertThat(menu()).containsExactly("Overview",
                "Integrations", "Integrations > Integration Hub", "Integrations > Directory",
                "Segments", "Campaigns", "Visitor inspector", "Users", "API keys", "Erasure", "Heap sandbox",
                "Mixpanel sandbox");
    }

    @Test
    void aViewerSeesEverythingButTheUserAdministrationAndCannotOpenIt() {
        login("vera", "VIEWER");
        UI.getCurrent().navigate("");

        assertThat(menu()).containsExactly("Overview",
                "Integrations", "Integrations > Integration Hub", "Integrations > Directory",
                "Segments", "Campaigns", "Visitor inspector", "Heap sandbox", "Mixpanel sandbox");
        UI.getCurrent().navigate("admin/users");
        // karibu refuses to look into a UI that shows an error view, and reports the error instead
        assertThatThrownBy(() -> _find(UsersView.class))
                .hasMessageContaining("navigate to 'admin/users'")
                .hasMessageContaining("Access is denied");
    }

    private static List<String> menu() {
        return _get(SideNav.class).getItems().stream()
                .filter(item -> item.isVisible())
                .flatMap(item -> Stream.concat(Stream.of(item.getLabel()),
                        item.getItems().stream().map(child -> item.getLabel() + " > " + child.getLabel())))
                .filter(Objects::nonNull)
                .toList();
    }
}
