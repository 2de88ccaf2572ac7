package io.audiencehub.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import io.audiencehub.KaribuTest;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.directory.ConnectionAudience;
import io.audiencehub.directory.ManualOverride;
import io.audiencehub.sync.WebhookDeliveries;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An audience's always-in and always-out ids in the Directory: pasted by an admin, counted, given back, audited. */
class OverridesSectionTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    private long connectorId;
    private String suffix;

    @BeforeEach
    void aConnectionWithAnAudience() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String tokenId = UUID.randomUUID().toString();
        connectorId = ValidatedConnectors.insert(jdbc, "Overrides " + suffix, tokenId, "Acme production");
        new WebhookDeliveries(port).send(WebhookDeliveries.page(tokenId, 77, "Free Customers", "task-1", 1, 1,
                List.of("v1-" + suffix, "v2-" + suffix), List.of()));
    }

    @Test
    void anAdminPastesIdsToKeepInAndOutSeesThemCountedAndGivesOneBack() {
        login("admin", "ADMIN");
        openTheAudience();
        assertThat(counts()).isEqualTo("2 members (0 matched to known visitors), 0 of them kept always in by hand;"
                + " 0 ids kept always out.");

        _setValue(ids(), "pinned-" + suffix + "\n\n  other-" + suffix + "  \n");
        _click(_get(Button.class, spec -> spec.withId("keep-always-in")));
        assertThat(result()).isEqualTo("2 ids kept always in: members and matched visitors are counted again.");
        assertThat(ids().getValue()).as("cleared for the next paste").isEmpty();
        _setValue(ids(), "v1-" + suffix);
        _click(_get(Button.class, spec -> spec.withId("keep-always-out")));

        assertThat(counts()).isEqualTo("3 members (0 matched to known visitors), 2 of them kept always in by hand;"
                + " 1 id kept always out.");
        Grid<ManualOverride> grid = overrides();
        assertThat(_size(grid)).isEqualTo(3);
        assertThat(_getFormattedRow(grid, 0)).contains("other-" + suffix, "always in", "no", "applied");
        assertThat(_getFormattedRow(grid, 2)).contains("v1-" + suffix, "always out", "yes", "applied");

        Button giveBack = (Button) _getCellComponent(grid, 2, "actions");
        assertThat(giveBack.getElement().getAttribute("aria-label")).isEqualTo("Stop keeping v1-" + suffix + " always out");
        _click(giveBack);
        assertThat(counts()).startsWith("4 members");
        assertThat(_size(overrides())).isEqualTo(2);
        assertThat(_get(UnorderedList.class, spec -> spec.withId("override-audit")).getChildren()
                .map(item -> ((ListItem) item).getText()).toList()).hasSize(3)
                .first().satisfies(latest -> assertThat(latest).startsWith("1 id (member ").contains(
                        ") no longer overridden (admin, "));
    }

    @Test
    void aRefusedPasteSaysWhyAndKeepsTheText() {
        login("admin", "ADMIN");
        openTheAudience();
        String pasted = "fine-" + suffix + "\n" + "x".repeat(300);
        _setValue(ids(), pasted);

        _click(_get(Button.class, spec -> spec.withId("keep-always-in")));

        assertThat(result()).contains("the 2nd id").contains("1 to 256 characters").contains("Nothing was changed");
        assertThat(_get(Span.class, spec -> spec.withId("override-result")).getElement().getAttribute("role"))
                .isEqualTo("alert");
        assertThat(ids().getValue()).as("left to be fixed").isEqualTo(pasted);
        assertThat(_size(overrides())).isZero();
    }

    @Test
    void aViewerSeesHowManyButNotTheIds() {
        login("vera", "VIEWER");
        openTheAudience();

        assertThat(counts()).startsWith("2 members");
        assertThat(_find(Grid.class, spec -> spec.withId("overrides"))).isEmpty();
        assertThat(_find(TextArea.class, spec -> spec.withId("override-ids"))).isEmpty();
    }

    private void openTheAudience() {
        UI.getCurrent().navigate(ConnectionView.class, new RouteParameters("connectorId", String.valueOf(connectorId)));
        @SuppressWarnings("unchecked")
        Grid<ConnectionAudience> audiences = _get(Grid.class, spec -> spec.withId("audiences"));
        audiences.select(_get(audiences, 0));
    }

    private static TextArea ids() {
        return _get(TextArea.class, spec -> spec.withId("override-ids"));
    }

    private static String counts() {
        return _get(Paragraph.class, spec -> spec.withId("override-counts")).getText();
    }

    private static String result() {
        return _get(Span.class, spec -> spec.withId("override-result")).getText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<ManualOverride> overrides() {
        return _get(Grid.class, spec -> spec.withId("overrides"));
    }
}
