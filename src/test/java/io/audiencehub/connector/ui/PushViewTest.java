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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.html.H2;
import io.audiencehub.CurrentRequest;
import io.audiencehub.Http;
import io.audiencehub.KaribuTest;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorAuditAction;
import io.audiencehub.connector.ConnectorException;
import io.audiencehub.connector.ConnectorKind;
import io.audiencehub.connector.MixpanelSources;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.sandbox.heap.SandboxOAuthService;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Push: an admin switches it on per validated Heap or Mixpanel connector, and the decision API tells
 * the tag; a viewer only sees it.
 */
@ExtendWith(CurrentRequest.class)
class PushViewTest extends KaribuTest {

    @Autowired
    ConnectorService connectors;
    @Autowired
    SandboxOAuthService sandbox;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MixpanelSources mixpanel;

    private Connector connector;

    @BeforeEach
    void aValidatedHeapConnector() {
        connector = HeapConnectorsForTests.connect(heapAuthorization, connectors, sandbox, security, port);
    }

    @Test
    void anAdminSwitchesPushOnAndOffForAConnector() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(PushView.route(ConnectorKind.HEAP));

        Checkbox push = pushOf(connector);
        assertThat(push.getAriaLabel()).hasValue("Push campaigns to Heap through " + connector.name());
        _setValue(push, true);
        assertThat(campaignPush.connectors(ConnectorKind.HEAP)).contains(connector.id());
        assertThat(connectors.audit(connector.id(), 0, 1).get(0).action()).isEqualTo(ConnectorAuditAction.PUSH_ON);
        _setValue(push, false);
        assertThat(campaignPush.connectors(ConnectorKind.HEAP)).doesNotContain(connector.id());
    }

    @Test
    void mixpanelUnderPushMakesTheDecisionApiTellTheTagToTellMixpanel() throws Exception {
        login("admin", "ADMIN");
        Connector source = mixpanel.create("Pushed " + UUID.randomUUID().toString().substring(0, 8), "").connector();
        UI.getCurrent().navigate(PushView.route(ConnectorKind.MIXPANEL));
        assertThat(_get(H2.class).getText()).isEqualTo("Mixpanel (Push)");
        assertThat(_findAll(_get(Grid.class, spec -> spec.withId("push-connectors")))).as("only Mixpanel connectors")
                .allSatisfy(listed -> assertThat(((Connector) listed).providerId()).isEqualTo("mixpanel"));

        Checkbox push = pushOf(source);
        assertThat(push.getAriaLabel()).hasValue("Push campaigns to Mixpanel through " + source.name());
        _setValue(push, true);
        assertThat(campaignPush.tools()).containsEntry("mixpanel", true).containsKey("heap");
        JsonNode answer = new ObjectMapper().readTree(Http.postJson("http://localhost:" + port + "/api/v1/decisions",
                "{\"visitor_id\": \"v-" + source.id() + "\"}").body());
        assertThat(answer.path("push").path("mixpanel").asBoolean()).as("the decision API tells the tag").isTrue();
        assertThat(connectors.audit(source.id(), 0, 1).get(0).detail()).isEqualTo("Campaigns seen are sent to Mixpanel");

        _setValue(push, false);
        assertThat(campaignPush.connectors(ConnectorKind.MIXPANEL)).doesNotContain(source.id());
    }

    @Test
    void aSourceThatCannotBeToldIsRefusedWithTheKindsThatCan() {
        Connector custom = HeapConnectorsForTests.asAdmin(security, () -> customSources.create(
                "Not pushed " + UUID.randomUUID().toString().substring(0, 8)).connector());
        assertThatThrownBy(() -> HeapConnectorsForTests.asAdmin(security, () -> {
            campaignPush.set(custom.id(), true);
            return null;
        })).rootCause().isInstanceOf(ConnectorException.class)
                .hasMessageContaining("cannot be told which campaigns visitors see: only Heap and Mixpanel connectors can");
    }

    @Test
    void onlyAValidatedHeapConnectorPushesAndAViewerChangesNothing() {
        long failed = ValidatedConnectors.insert(jdbc, "Not validated " + UUID.randomUUID(), UUID.randomUUID().toString(),
                "env");
        jdbc.sql("UPDATE connector SET state = 'FAILED' WHERE id = ?").param(failed).update();
        assertThatThrownBy(() -> HeapConnectorsForTests.asAdmin(security, () -> {
            campaignPush.set(failed, true);
            return null;
        })).rootCause().isInstanceOf(ConnectorException.class)
                .hasMessageContaining("only a validated connector can push campaigns to Heap");

        login("vera", "VIEWER");
        UI.getCurrent().navigate(PushView.route(ConnectorKind.HEAP));
        assertThat(pushOf(connector).isReadOnly()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Checkbox pushOf(Connector connector) {
        Grid<Connector> grid = _get(Grid.class, spec -> spec.withId("push-connectors"));
        int row = _findAll(grid).stream().map(Connector::id).toList().indexOf(connector.id());
        return (Checkbox) _getCellComponent(grid, row, "push");
    }
}
