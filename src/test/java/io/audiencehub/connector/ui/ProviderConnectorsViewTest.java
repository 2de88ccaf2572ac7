package io.audiencehub.connector.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;

import com.github.mvysny.kaributesting.v10.GridKt;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.audiencehub.KaribuTest;
import io.audiencehub.connector.AuthorizationProblem;
import io.audiencehub.connector.Connector;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ProviderConnectorsViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theValidatedListShowsEachValidatedConnectorWithItsTokenIdAndTheOthersWithTheirState() {
        String validated = insert("VALIDATED", null);
        String failed = insert("FAILED", "You clicked Deny in Heap, so Heap gave no access.");
        login("vera", "VIEWER");
        UI.getCurrent().navigate("integrations/hub/heap");

        assertThat(_findAll(grid("validated-connectors"))).extracting(Connector::name).contains(validated)
                .doesNotContain(failed);
        assertThat(_findAll(grid("other-connectors"))).filteredOn(connector -> connector.name().equals(failed))
                .singleElement().satisfies(connector -> assertThat(connector.failureReason()).contains("Deny"));
    }

    @Test
    void eachTokenIdInTheListHasAnAccessibleNameThoughItHasNoLabel() {
        String validated = insert("VALIDATED", null);
        login("vera", "VIEWER");
        UI.getCurrent().navigate("integrations/hub/heap");

        Grid<Connector> grid = grid("validated-connectors");
        int row = _findAll(grid).stream().map(Connector::name).toList().indexOf(validated);
        TextField tokenId = (TextField) GridKt._getCellComponent(grid, row, "token-id").getChildren().findFirst()
                .orElseThrow();
        assertThat(tokenId.getAriaLabel()).hasValue("TokenID of " + validated);
    }

    @Test
    void aViewerSeesTheConnectorsButCannotSetOneUp() {
        String validated = insert("VALIDATED", null);
        login("vera", "VIEWER");
        UI.getCurrent().navigate("integrations/hub/heap");

        assertThat(_get(ProviderConnectorsView.class).getElement().getTextRecursively()).contains("Heap Analytics");
        assertThat(_findAll(grid("validated-connectors"))).extracting(Connector::name).contains(validated);
        assertThat(_find(Button.class, spec -> spec.withId("setup-connector"))).isEmpty();
    }

    @Test
    void theSetupDialogAsksForAValidUniqueNameBeforeLeavingForHeap() {
        String taken = insert("VALIDATED", null);
        login("admin", "ADMIN");
        UI.getCurrent().navigate("integrations/hub/heap");
        _click(_get(Button.class, spec -> spec.withId("setup-connector")));
        TextField name = _get(TextField.class, spec -> spec.withLabel("Connector name"));

        _click(_get(Button.class, spec -> spec.withId("authorize-and-create")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Give the connector a name");

        _setValue(name, taken);
        _click(_get(Button.class, spec -> spec.withId("authorize-and-create")));
        assertThat(name.getErrorMessage()).isEqualTo("A connector named \"" + taken + "\" already exists. Choose another name.");
        assertThat(name.getMaxLength()).isEqualTo(80);
    }

    @Test
    void anAnswerThatChangedNothingIsExplainedOnThePage() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("integrations/hub/heap", QueryParameters.of("problem", "STATE_UNKNOWN"));
        assertThat(_get(Div.class, spec -> spec.withId("authorization-result")).getText())
                .isEqualTo(AuthorizationProblem.STATE_UNKNOWN.message());
    }

    @SuppressWarnings("unchecked")
    private static Grid<Connector> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private String insert(String state, String reason) {
        String name = "View test " + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        INSERT INTO connector (provider_id, name, state, failure_reason, token_id, environment_name,
                                               created_by, created_at, updated_at)
                        VALUES ('heap', ?, ?, ?, ?, 'Env', 'admin', NOW(3), NOW(3))
                        """)
                .params(name, state, reason, "VALIDATED".equals(state) ? UUID.randomUUID().toString() : null)
                .update();
        return name;
    }
}
