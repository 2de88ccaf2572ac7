package io.audiencehub.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import io.audiencehub.KaribuTest;
import io.audiencehub.base.ui.LineChart;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.directory.AudienceGrowth;
import io.audiencehub.directory.ConnectionAudience;
import io.audiencehub.directory.DirectoryEntry;
import io.audiencehub.directory.DirectoryService;
import io.audiencehub.directory.SyncHistoryEntry;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.sync.WebhookDeliveries;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DirectoryViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SegmentService segments;
    @Autowired
    DirectoryService directory;

    private long connectorId;
    private String name;
    private final String tokenId = UUID.randomUUID().toString();

    @BeforeEach
    void aConnectionWithAnAudience() {
        name = "Directory " + tokenId.substring(0, 8);
        connectorId = ValidatedConnectors.insert(jdbc, name, tokenId, "Acme production");
        WebhookDeliveries heap = new WebhookDeliveries(port);
        assertThat(heap.send(WebhookDeliveries.page(tokenId, 77, "Free Customers", "task-1", 1, 1,
                List.of("v1", "v2", "v3"), List.of())).statusCode()).isEqualTo(200);
        login("vera", "VIEWER");
    }

    @Test
    void theDirectoryListsEveryConnectionWithItsAudiencesLastSyncAndHealth() {
        UI.getCurrent().navigate(DirectoryView.class);

        @SuppressWarnings("unchecked")
        Grid<DirectoryEntry> connections = _get(Grid.class, spec -> spec.withId("connections"));
        Anchor hub = _get(connections.getEmptyStateComponent(), Anchor.class, spec -> { });
        assertThat(hub.getText()).as("with no connection, the grid says where to make one").isEqualTo("Open the Integration Hub");
        assertThat(hub.getHref()).isEqualTo("integrations/hub");
        DirectoryEntry entry = _findAll(connections).stream()
                .filter(candidate -> candidate.connectorId() == connectorId).findFirst().orElseThrow();
        assertThat(entry.providerName()).isEqualTo("Heap Analytics");
        assertThat(entry.tokenId()).isEqualTo(tokenId);
        assertThat(entry.environmentName()).isEqualTo("Acme production");
        assertThat(entry.audiences()).isEqualTo(1);
        assertThat(entry.availableAudiences()).isZero();
        assertThat(entry.lastSyncAt()).isNotNull();
        assertThat(entry.lastRun()).isEqualTo("complete");
        assertThat(entry.health()).isEqualTo(DirectoryEntry.Health.HEALTHY);

        _clickItem(connections, _findAll(connections).indexOf(entry));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("integrations/directory/" + connectorId);
    }

    @Test
    void aConnectionShowsItsAudiencesAndPerAudienceItsHistoryAndAMemberLookup() {
        UI.getCurrent().navigate(ConnectionView.class, new RouteParameters("connectorId", String.valueOf(connectorId)));

        Grid<ConnectionAudience> audiences = audiencesGrid();
        assertThat(_size(audiences)).isEqualTo(1);
        ConnectionAudience audience = _get(audiences, 0);
        assertThat(audience).extracting(ConnectionAudience::name, ConnectionAudience::audienceKey,
                ConnectionAudience::memberCount, ConnectionAudience::matchedCount).containsExactly("Free Customers", "77", 3L, 0L);
        assertThat(((Span) _getCellComponent(audiences, 0, "targeting")).getText())
                .isEqualTo("hidden: no member matched a known visitor yet");

        audiences.select(audience);
        @SuppressWarnings("unchecked")
        Grid<SyncHistoryEntry> history = _get(Grid.class, spec -> spec.withId("sync-history"));
        assertThat(_findAll(history)).singleElement().satisfies(run -> {
            assertThat(run.syncTaskId()).isEqualTo("task-1");
            assertThat(run.added()).isEqualTo(3);
            assertThat(run.membersAfter()).as("the audience's counts once the run applied").isEqualTo(3);
            assertThat(run.matchedAfter()).isZero();
        });
        LineChart growth = _get(LineChart.class, spec -> spec.withId("audience-growth"));
        assertThat(growth.getElement().getTextRecursively()).as("the chart's figures, in its table")
                .contains("Members", "Matched", "3", "0");
        _setValue(_get(TextField.class, spec -> spec.withId("member-lookup-id")), "v2");
        _click(_get(Button.class, spec -> spec.withId("member-lookup")));
        assertThat(_get(Span.class, spec -> spec.withId("member-lookup-result")).getText())
                .isEqualTo("v2 is in this audience (not a visitor the hub has seen).");
        _setValue(_get(TextField.class, spec -> spec.withId("member-lookup-id")), "v9");
        _click(_get(Button.class, spec -> spec.withId("member-lookup")));
        assertThat(_get(Span.class, spec -> spec.withId("member-lookup-result")).getText()).startsWith("v9 is not in");
    }

    @Test
    void onlyAnAdminMayDownloadTheIdsOfARun() {
        UI.getCurrent().navigate(ConnectionView.class, new RouteParameters("connectorId", String.valueOf(connectorId)));
        audiencesGrid().select(_get(audiencesGrid(), 0));
        assertThat(_get(Grid.class, spec -> spec.withId("sync-history")).getColumnByKey("ids"))
                .as("a viewer is offered no ids").isNull();

        login("admin", "ADMIN");
        UI.getCurrent().navigate(ConnectionView.class, new RouteParameters("connectorId", String.valueOf(connectorId)));
        audiencesGrid().select(_get(audiencesGrid(), 0));
        @SuppressWarnings("unchecked")
        Grid<SyncHistoryEntry> history = _get(Grid.class, spec -> spec.withId("sync-history"));
        Anchor download = (Anchor) _getCellComponent(history, 0, "ids");
        assertThat(download.getElement().getAttribute("aria-label"))
                .isEqualTo("Download the ids sync task-1 added and removed");
        assertThat(download.getHref()).as("a download the session serves").isNotBlank();
    }

    @Test
    void anAudienceSaysWhichSegmentsReadItSoThatNobodyRemovesWhatTheyNeed() {
        long audienceId = jdbc.sql("SELECT id FROM audience WHERE connector_id = ?").param(connectorId)
                .query(Long.class).single();
        String segment = "Free at checkout " + tokenId.substring(0, 8);
        login("admin", "ADMIN");
        segments.create(segment, new SegmentDefinition(SegmentDefinition.CURRENT_VERSION, new Group(Combinator.ALL,
                List.of(new Condition(new Criterion.ExternalAudience(connectorId, audienceId), false)))));
        UI.getCurrent().navigate(ConnectionView.class, new RouteParameters("connectorId", String.valueOf(connectorId)));

        Grid<ConnectionAudience> audiences = audiencesGrid();
        assertThat(_get(audiences, 0).segments()).containsExactly(segment);
        assertThat(_getFormattedRow(audiences, 0)).contains(segment);
    }

    @Test
    void theHistoryIsToldRunByRunAndDayByDay() {
        new WebhookDeliveries(port).send(WebhookDeliveries.page(tokenId, 77, "Free Customers", "task-2", 1, 1,
                List.of("v4"), List.of("v1")));
        assertThat(directory.growth(connectorId, "77", AudienceGrowth.Step.RUN, 10))
                .extracting(AudienceGrowth::members, AudienceGrowth::added, AudienceGrowth::removed)
                .containsExactly(tuple(3L, 3L, 0L), tuple(3L, 1L, 1L));
        assertThat(directory.growth(connectorId, "77", AudienceGrowth.Step.DAY, 10)).singleElement()
                .satisfies(day -> {
                    assertThat(day.members()).as("the day's last run").isEqualTo(3);
                    assertThat(day.added()).as("the day's runs summed").isEqualTo(4);
                    assertThat(day.removed()).isEqualTo(1);
                });

        UI.getCurrent().navigate(ConnectionView.class, new RouteParameters("connectorId", String.valueOf(connectorId)));
        Grid<ConnectionAudience> audiences = audiencesGrid();
        audiences.select(_get(audiences, 0));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<AudienceGrowth.Step> step = _get(RadioButtonGroup.class,
                spec -> spec.withId("audience-growth-step"));
        _setValue(step, AudienceGrowth.Step.DAY);
        assertThat(_get(LineChart.class, spec -> spec.withId("audience-growth")).getElement().getTextRecursively())
                .contains("Added", "Removed", "4");
    }

    @Test
    void tenThousandAudiencesAreLoadedPageByPageAndFoundByName() {
        String rows = IntStream.range(0, 10_000)
                .mapToObj(i -> "(" + connectorId + ", '" + (1_000 + i) + "', 'Segment " + i + "', 0, 0, NOW(3), NOW(3))")
                .collect(Collectors.joining(","));
        jdbc.sql("INSERT INTO audience (connector_id, audience_key, name, member_count, matched_count, created_at,"
                + " last_change_at) VALUES " + rows).update();

        UI.getCurrent().navigate(ConnectionView.class, new RouteParameters("connectorId", String.valueOf(connectorId)));

        Grid<ConnectionAudience> audiences = audiencesGrid();
        assertThat(audiences.getDataProvider().isInMemory()).as("rows are fetched as they scroll into view").isFalse();
        assertThat(_size(audiences)).isEqualTo(10_001);
        _setValue(_get(TextField.class, spec -> spec.withId("audience-filter")), "Segment 9999");
        assertThat(_findAll(audiences)).extracting(ConnectionAudience::audienceKey).containsExactly("10999");
    }

    @SuppressWarnings("unchecked")
    private static Grid<ConnectionAudience> audiencesGrid() {
        return _get(Grid.class, spec -> spec.withId("audiences"));
    }
}
