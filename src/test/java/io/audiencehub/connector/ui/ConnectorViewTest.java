package io.audiencehub.connector.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import io.audiencehub.KaribuTest;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.connector.ConnectorAuditAction;
import io.audiencehub.connector.ConnectorAuditEntry;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ConnectorViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    private long id;
    private final String tokenId = UUID.randomUUID().toString();

    @BeforeEach
    void aValidatedConnector() {
        id = ValidatedConnectors.insert(jdbc, "Page test " + tokenId.substring(0, 8), tokenId, "Acme");
    }

    @Test
    void theConnectorPageShowsTheTokenIdAndAnAdminsDisconnectionInItsHistory() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(ConnectorView.class, new RouteParameters("id", String.valueOf(id)));

        assertThat(_get(TextField.class, spec -> spec.withLabel("TokenID")).getValue()).isEqualTo(tokenId);
        assertThat(_get(TextField.class, spec -> spec.withLabel("TokenID")).isReadOnly()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("disconnect-connector")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        @SuppressWarnings("unchecked")
        Grid<ConnectorAuditEntry> history = _get(Grid.class, spec -> spec.withId("connector-audit"));
        assertThat(_findAll(history)).first().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(ConnectorAuditAction.DISCONNECTED);
            assertThat(entry.actor()).isEqualTo("admin");
        });
        assertThat(_find(Button.class, spec -> spec.withId("authorize-again"))).hasSize(1);
    }

    @Test
    void aViewerSeesTheConnectorButNoAction() {
        login("vera", "VIEWER");
        UI.getCurrent().navigate(ConnectorView.class, new RouteParameters("id", String.valueOf(id)));

        assertThat(_get(TextField.class, spec -> spec.withLabel("TokenID")).getValue()).isEqualTo(tokenId);
        assertThat(_find(Button.class, spec -> spec.withText("Disconnect"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Delete"))).isEmpty();
    }
}
