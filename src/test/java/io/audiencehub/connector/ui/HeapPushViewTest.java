package io.audiencehub.connector.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import io.audiencehub.KaribuTest;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorAuditAction;
import io.audiencehub.connector.ConnectorException;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.sandbox.heap.SandboxOAuthService;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Heap under Push: an admin switches it on per validated Heap connector; a viewer only sees it. */
class HeapPushViewTest extends KaribuTest {

    @Autowired
    ConnectorService connectors;
    @Autowired
    SandboxOAuthService sandbox;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    JdbcClient jdbc;

    private Connector connector;

    @BeforeEach
    void aValidatedHeapConnector() {
        connector = HeapConnectorsForTests.connect(heapAuthorization, connectors, sandbox, security, port);
    }

    @Test
    void anAdminSwitchesPushOnAndOffForAConnector() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(HeapPushView.class);

        Checkbox push = pushOf(connector);
        assertThat(push.getAriaLabel()).hasValue(
                "Push campaigns to Heap environment " + connector.environmentName());
        _setValue(push, true);
        assertThat(heapPush.connectors()).contains(connector.id());
        assertThat(connectors.audit(connector.id(), 0, 1).get(0).action()).isEqualTo(ConnectorAuditAction.PUSH_ON);
        _setValue(push, false);
        assertThat(heapPush.connectors()).doesNotContain(connector.id());
    }

    @Test
    void onlyAValidatedHeapConnectorPushesAndAViewerChangesNothing() {
        long failed = ValidatedConnectors.insert(jdbc, "Not validated " + UUID.randomUUID(), UUID.randomUUID().toString(),
                "env");
        jdbc.sql("UPDATE connector SET state = 'FAILED' WHERE id = ?").param(failed).update();
        assertThatThrownBy(() -> HeapConnectorsForTests.asAdmin(security, () -> {
            heapPush.set(failed, true);
            return null;
        })).rootCause().isInstanceOf(ConnectorException.class).hasMessageContaining("only a validated Heap connector");

        login("vera", "VIEWER");
        UI.getCurrent().navigate(HeapPushView.class);
        assertThat(pushOf(connector).isReadOnly()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Checkbox pushOf(Connector connector) {
        Grid<Connector> grid = _get(Grid.class, spec -> spec.withId("heap-push-connectors"));
        int row = _findAll(grid).stream().map(Connector::id).toList().indexOf(connector.id());
        return (Checkbox) _getCellComponent(grid, row, "push");
    }
}
