package io.audiencehub.sandbox.heap.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import io.audiencehub.KaribuTest;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.sandbox.heap.SandboxEnvironment;
import io.audiencehub.sandbox.heap.PartnerApp;
import io.audiencehub.sandbox.heap.SandboxDelivery;
import io.audiencehub.sandbox.heap.SandboxExportService;
import io.audiencehub.sandbox.heap.SandboxSegment.RuleOperator;
import io.audiencehub.sandbox.heap.SandboxOAuthService;
import io.audiencehub.sandbox.heap.SandboxTrackingService;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** The sandbox's export screens driven as a Heap user would: define, switch on, confirm, sync. */
class SandboxExportViewTest extends KaribuTest {

    @Autowired
    ConnectorService connectors;
    @Autowired
    SandboxOAuthService sandbox;
    @Autowired
    SandboxTrackingService tracking;
    @Autowired
    AudienceService audiences;
    @Autowired
    SandboxExportService exports;
    @Autowired
    SecurityContextHolderStrategy security;

    private Connector connector;
    private SandboxEnvironment environment;

    @BeforeEach
    void aConnectedEnvironmentWithUsers() {
        connector = HeapConnectorsForTests.connect(heapAuthorization, connectors, sandbox, security, port);
        environment = HeapConnectorsForTests.environmentOf(sandbox, connector);
        login("admin", "ADMIN");
    }

    @Test
    void aSegmentIsDefinedExportedToAudienceHubAndSynced() {
        for (int i = 1; i <= 4; i++) {
            tracking.track(String.valueOf(environment.id()), "user" + i, null, Map.of("plan", "free"));
        }
        UI.getCurrent().navigate(SandboxSegmentsView.class);
        @SuppressWarnings("unchecked")
        ComboBox<SandboxEnvironment> environments = _get(ComboBox.class, spec -> spec.withId("environment"));
        _setValue(environments, environment);
        _click(_get(Button.class, spec -> spec.withId("new-segment")));
        _setValue(_get(TextField.class, spec -> spec.withId("segment-name")), "Free plan");
        @SuppressWarnings("unchecked")
        ComboBox<String> property = _get(ComboBox.class, spec -> spec.withId("segment-property"));
        _setValue(property, "plan");
        _setValue(_get(TextField.class, spec -> spec.withId("segment-value")), "free");
        _click(_get(Button.class, spec -> spec.withId("save-segment")));

        _get(SandboxSegmentView.class);
        _setValue(_get(Checkbox.class, spec -> spec.withId("audience-hub-switch")), true);
        assertThat(_get(Paragraph.class, spec -> spec.withId("visitor-id-missing")).getText())
                .startsWith("ABTastyVisitorId is not offered yet");

        for (int i = 1; i <= 4; i++) {
            tracking.track(String.valueOf(environment.id()), "user" + i, null, Map.of("ABTastyVisitorId", "visitor" + i));
        }
        _setValue(_get(Checkbox.class, spec -> spec.withId("audience-hub-switch")), false);
        _setValue(_get(Checkbox.class, spec -> spec.withId("audience-hub-switch")), true);
        assertThat(_find(Paragraph.class, spec -> spec.withId("visitor-id-missing"))).isEmpty();
        @SuppressWarnings("unchecked")
        Select<String> userId = _get(Select.class, spec -> spec.withId("heap-user-id"));
        assertThat(userId.getValue()).isEqualTo("ABTastyVisitorId");
        _click(_get(Button.class, spec -> spec.withId("confirm-export")));
        _click(_get(Button.class, spec -> spec.withId("sync-now")));

        await().pollInSameThread().atMost(Duration.ofSeconds(15)).until(() -> audiences.count(connector.id(), "", false) == 1
                && audiences.page(connector.id(), "", false, 0, 1).get(0).memberCount() == 4);
        await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> {
            MockVaadin.clientRoundtrip();
            return _get(Paragraph.class, spec -> spec.withId("export-status")).getText()
                    .contains("Delivered 4 adds and 0 removes in 2 pages");
        });
        @SuppressWarnings("unchecked")
        Grid<SandboxDelivery> log = _get(Grid.class, spec -> spec.withId("delivery-log"));
        assertThat(_findAll(log)).hasSize(2).allSatisfy(delivery -> assertThat(delivery.outcome()).isEqualTo("accepted"));

        _click(_get(Button.class, spec -> spec.withId("recurring-sync")));
        assertThat(_get(Button.class, spec -> spec.withId("recurring-sync")).getText()).isEqualTo("Disable Recurring Sync");
    }

    @Test
    void aViewerSeesTheSandboxButCannotChangeIt() {
        long segmentId = HeapConnectorsForTests.asAdmin(security, () -> exports.defineByRule(environment.id(),
                "Viewer can look", "ABTastyVisitorId", RuleOperator.IS_SET, null)).id();
        login("viewer", "VIEWER");

        UI.getCurrent().navigate(SandboxSegmentsView.class);
        assertThat(_get(Button.class, spec -> spec.withId("new-segment")).isEnabled()).isFalse();
        UI.getCurrent().navigate(SandboxSegmentView.class, new RouteParameters("segmentId", String.valueOf(segmentId)));
        assertThat(_get(Checkbox.class, spec -> spec.withId("audience-hub-switch")).isEnabled()).isFalse();
    }

    @Test
    void theDirectoryListsTheConnectedPartnerApp() {
        UI.getCurrent().navigate(SandboxDirectoryView.class);
        @SuppressWarnings("unchecked")
        Grid<PartnerApp> apps = _get(Grid.class, spec -> spec.withId("partner-apps"));
        assertThat(_findAll(apps)).anySatisfy(app -> {
            assertThat(app.environmentName()).isEqualTo(environment.name());
            assertThat(app.clientId()).isEqualTo("audience-hub-sandbox");
        });
    }
}
