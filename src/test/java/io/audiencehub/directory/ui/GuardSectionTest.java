package io.audiencehub.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.RouteParameters;
import io.audiencehub.KaribuTest;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.directory.DirectoryService;
import io.audiencehub.directory.GuardSettings;
import io.audiencehub.directory.HeldSyncRun;
import io.audiencehub.connector.HeapConnectorsForTests;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** A connection's guard in the Directory: its thresholds, the runs it held, an admin's decision on them. */
class GuardSectionTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DirectoryService directory;
    @Autowired
    SecurityContextHolderStrategy security;

    private long connectorId;

    @BeforeEach
    void aConnectionWithAHeldRun() {
        String tokenId = UUID.randomUUID().toString();
        connectorId = ValidatedConnectors.insert(jdbc, "Guarded " + tokenId.substring(0, 8), tokenId, "Acme production");
        // what the sync guard stores when it holds a run (SyncGuardIntegrationTest holds real ones)
        jdbc.sql("""
                        INSERT INTO sync_hold (connector_id, audience_key, audience_name, sync_task_id, members_before,
                                               added, removed, reason, sample_added, sample_removed, held_at, status)
                        VALUES (?, '77', 'Buyers', 'task-9', 10, 0, 8, 'it would remove 8 of the audience''s 10 members'
                                ' (80 %, more than 50 %)', '', 'v1\\nv2', NOW(3), 'HELD')
                        """).params(connectorId).update();
    }

    @Test
    void aViewerSeesTheHeldRunAndTheGuardButDecidesNothing() {
        login("vera", "VIEWER");
        open();

        Grid<HeldSyncRun> held = heldRuns();
        assertThat(_size(held)).isEqualTo(1);
        assertThat(_getFormattedRow(held, 0)).contains("Buyers", "+0 / -8 of 10", "out: v1, v2", "waiting for an admin");
        assertThat(held.getColumnByKey("actions")).isNull();
        assertThat(_get(Checkbox.class, spec -> spec.withId("guard-enabled")).isReadOnly()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("save-guard"))).as("no Save for a viewer").isEmpty();
    }

    @Test
    void anAdminChangesTheThresholdsAndRejectsTheHeldRunAfterConfirming() {
        login("admin", "ADMIN");
        open();
        _setValue(_get(IntegerField.class, spec -> spec.withId("guard-max-removed")), 30);
        _click(_get(Button.class, spec -> spec.withId("save-guard")));
        assertThat(HeapConnectorsForTests.asAdmin(security, () -> directory.guardOf(connectorId)))
                .isEqualTo(new GuardSettings(true, 30, 10));

        assertThat(actions().stream().map(button -> button.getElement().getAttribute("aria-label")))
                .containsExactly("Approve the held run of Buyers", "Reject the held run of Buyers");
        _click(actions().get(1));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-reject")));

        assertThat(_getFormattedRow(heldRuns(), 0)).contains("rejected by admin");
        assertThat(actions()).as("nothing left to decide").isEmpty();
        assertThat(_get(UnorderedList.class, spec -> spec.withId("guard-audit")).getChildren()
                .map(item -> ((ListItem) item).getText()).toList()).anySatisfy(entry -> assertThat(entry).startsWith(
                "rejected the held sync task task-9 of \"Buyers\" (+0 / -8 of 10) (admin, ")).anySatisfy(entry ->
                assertThat(entry).startsWith("guard changed from on (hold a run removing more than 50 %"));
    }

    private static List<Button> actions() {
        return _getCellComponent(heldRuns(), 0, "actions").getChildren().filter(Button.class::isInstance)
                .map(Button.class::cast).toList();
    }

    private void open() {
        UI.getCurrent().navigate(ConnectionView.class, new RouteParameters("connectorId", String.valueOf(connectorId)));
    }

    @SuppressWarnings("unchecked")
    private static Grid<HeldSyncRun> heldRuns() {
        return _get(Grid.class, spec -> spec.withId("held-runs"));
    }
}
