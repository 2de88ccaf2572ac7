package io.audiencehub.alert.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import io.audiencehub.KaribuTest;
import io.audiencehub.alert.AlertService;
import io.audiencehub.alert.Incident;
import io.audiencehub.alert.IncidentKind;
import io.audiencehub.alert.TestIncidents;
import io.audiencehub.segment.ui.SegmentListView;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The navbar's bell counts the open incidents, follows them without a reload, and lists them. */
class AlertBellTest extends KaribuTest {

    @Autowired
    AlertService alerts;
    @Autowired
    JdbcClient jdbc;

    private final String subject = "Connector \"Bell " + UUID.randomUUID().toString().substring(0, 8) + "\"";

    @AfterEach
    void resolveIt() {
        TestIncidents.resolve(jdbc, subject);
        alerts.scheduledRefresh();
    }

    @Test
    void anIncidentOpenedElsewhereShowsInTheBellAndItsList() {
        login("vera", "VIEWER");
        UI.getCurrent().navigate(SegmentListView.class);
        alerts.scheduledRefresh();
        MockVaadin.clientRoundtrip();
        int before = alerts.open().size();

        TestIncidents.open(jdbc, IncidentKind.CONNECTOR_FAILING, subject, "its latest delivery was refused");
        alerts.scheduledRefresh();
        MockVaadin.clientRoundtrip();

        Button bell = _get(Button.class, spec -> spec.withId("alert-bell"));
        assertThat(_get(Span.class, spec -> spec.withId("alert-count")).getText()).isEqualTo(String.valueOf(before + 1));
        assertThat(bell.getAriaLabel()).hasValue("Show alerts (" + (before + 1) + " open)");

        _click(bell);
        @SuppressWarnings("unchecked")
        Grid<Incident> list = _get(Grid.class, spec -> spec.withId("alert-list"));
        assertThat(_findAll(list)).extracting(Incident::summary)
                .contains(subject + " is failing: its latest delivery was refused");
    }
}
