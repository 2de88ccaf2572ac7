package io.audiencehub.directory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.audiencehub.base.ui.Badge;
import io.audiencehub.base.ui.LineChart;
import io.audiencehub.base.ui.ReadOnlyField;
import io.audiencehub.base.ui.Times;
import io.audiencehub.directory.AudienceGrowth;
import io.audiencehub.directory.ConnectionAudience;
import io.audiencehub.directory.DirectoryEntry;
import io.audiencehub.directory.DirectoryService;
import io.audiencehub.directory.MemberAnswer;
import io.audiencehub.directory.SyncHistoryEntry;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One connection: its guard on sudden audience changes and the runs it held, its audiences (found by name,
 * loaded page by page), and for the selected audience a member lookup, its growth, the ids kept always in or
 * always out by hand and its sync history; then the deliveries this connection had refused.
 */
@Route("integrations/directory/:connectorId")
@PageTitle("Connection | Audience Hub")
@PermitAll
public class ConnectionView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    private static final Pattern FILE_NAME_UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
    /** The latest runs the growth chart shows. */
    private static final int CHARTED_RUNS = 60;

    private final DirectoryService directory;
    private final AuthenticationContext authentication;
    private final VerticalLayout details = new VerticalLayout();
    private DirectoryEntry connection;

    ConnectionView(DirectoryService directory, AuthenticationContext authentication) {
        this.directory = directory;
        this.authentication = authentication;
        details.setId("audience-details");
        details.setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("connectorId").orElseThrow(NotFoundException::new);
        connection = directory.entry(id).orElseThrow(NotFoundException::new);
        VerticalLayout content = getContent();
        content.removeAll();
        HorizontalLayout title = new HorizontalLayout(new H2(connection.name()), HealthBadge.stateOf(connection),
                HealthBadge.of(connection));
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph health = new Paragraph("Health: " + connection.healthReason() + ".");
        health.setId("connection-health-reason");
        content.add(title, health, summary(), new H3("Guard on sudden audience changes"),
                new GuardSection(directory, connection.connectorId(), authentication.hasRole("ADMIN")),
                new H3("Audiences"), audienceFinder(), details,
                new H3("Refused deliveries"), RejectionsGrid.of(directory, connection.connectorId(), "refused-deliveries"));
    }

    private FormLayout summary() {
        return new FormLayout(
                ReadOnlyField.of("Provider", connection.providerName()),
                ReadOnlyField.of("Environment", connection.environmentName()),
                ReadOnlyField.of("TokenID", connection.tokenId()),
                ReadOnlyField.of("Audiences", connection.audiences() + " (" + connection.availableAudiences()
                        + " available)"),
                ReadOnlyField.of("Last sync", connection.lastSyncAt() == null ? "never"
                        : Times.format(connection.lastSyncAt())));
    }

    private VerticalLayout audienceFinder() {
        TextField filter = new TextField();
        filter.setId("audience-filter");
        filter.setPlaceholder("Find an audience by name");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("24rem");

        Grid<ConnectionAudience> grid = new Grid<>();
        grid.setId("audiences");
        grid.addColumn(ConnectionAudience::name).setHeader("Name").setWidth("14rem").setFlexGrow(1)
                .setTooltipGenerator(ConnectionAudience::name);
        grid.addColumn(ConnectionAudience::audienceKey).setHeader("Key at the source").setAutoWidth(true);
        grid.addColumn(ConnectionAudience::memberCount).setHeader("Members").setAutoWidth(true);
        grid.addColumn(ConnectionAudience::matchedCount).setHeader("Matched").setAutoWidth(true);
        grid.addComponentColumn(ConnectionView::availability).setHeader("Targeting").setKey("targeting")
                .setAutoWidth(true);
        grid.addColumn(audience -> Times.format(audience.lastSyncAt())).setHeader("Last sync").setAutoWidth(true);
        grid.addColumn(audience -> audience.segments().isEmpty() ? "none" : String.join(", ", audience.segments()))
                .setHeader("Used by segments").setKey("segments").setAutoWidth(true);
        grid.setHeight("24rem");
        long connectorId = connection.connectorId();
        Runnable load = () -> grid.setItems(
                query -> directory.audiences(connectorId, filter.getValue(), query.getOffset(), query.getLimit())
                        .stream(),
                query -> directory.countAudiences(connectorId, filter.getValue()));
        load.run();
        filter.addValueChangeListener(change -> load.run());
        grid.asSingleSelect().addValueChangeListener(selection -> showAudience(selection.getValue()));

        VerticalLayout finder = new VerticalLayout(filter, grid);
        finder.setPadding(false);
        return finder;
    }

    private static Span availability(ConnectionAudience audience) {
        return audience.hiddenReason() == null ? Badge.of("available", Badge.Tone.GOOD, "audience-availability")
                : Badge.of("hidden: " + audience.hiddenReason(), Badge.Tone.QUIET, "audience-availability");
    }

    private void showAudience(ConnectionAudience audience) {
        details.removeAll();
        if (audience == null) {
            return;
        }
        TextField visitorId = new TextField("Is visitor");
        visitorId.setId("member-lookup-id");
        visitorId.setPlaceholder("visitor id");
        Span answer = new Span();
        answer.setId("member-lookup-result");
        Button lookup = new Button("Look up", click -> answer.setText(lookUp(audience, visitorId.getValue().strip())));
        lookup.setId("member-lookup");
        HorizontalLayout lookupRow = new HorizontalLayout(visitorId, new Span("in this audience?"), lookup, answer);
        lookupRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        Grid<SyncHistoryEntry> history = new Grid<>();
        history.setId("sync-history");
        history.addColumn(run -> Times.format(run.startedAt())).setHeader("Started").setAutoWidth(true);
        history.addColumn(SyncHistoryEntry::result).setHeader("Result").setAutoWidth(true);
        history.addColumn(run -> run.pagesReceived() + " / " + run.totalPages()).setHeader("Pages").setAutoWidth(true);
        history.addColumn(SyncHistoryEntry::added).setHeader("Added").setAutoWidth(true);
        history.addColumn(SyncHistoryEntry::removed).setHeader("Removed").setAutoWidth(true);
        history.addColumn(SyncHistoryEntry::ignored).setHeader("Ignored").setAutoWidth(true);
        history.addColumn(SyncHistoryEntry::withoutVisitorId).setHeader("Without visitor id").setKey("without-visitor-id")
                .setAutoWidth(true);
        history.addColumn(run -> counted(run.membersAfter())).setHeader("Members after").setKey("members-after")
                .setAutoWidth(true);
        history.addColumn(run -> counted(run.matchedAfter())).setHeader("Matched after").setAutoWidth(true);
        history.addColumn(run -> Times.format(run.duration())).setHeader("Duration").setAutoWidth(true);
        history.addColumn(SyncHistoryEntry::lastError).setHeader("Error").setFlexGrow(1);
        long connectorId = connection.connectorId();
        if (authentication.hasRole("ADMIN")) {
            history.addComponentColumn(run -> idsDownload(connectorId, audience, run)).setHeader("Ids")
                    .setKey("ids").setAutoWidth(true);
        }
        history.setItems(query -> directory.syncHistory(connectorId, audience.audienceKey(), query.getOffset(),
                query.getLimit()).stream(), query -> directory.countSyncHistory(connectorId, audience.audienceKey()));
        history.setHeight("16rem");
        details.add(new H3(audience.name()), lookupRow, growth(connectorId, audience),
                new OverridesSection(directory, audience.id(), authentication.hasRole("ADMIN")), history);
    }

    /** Members and matched visitors over the latest runs that kept their counts, run by run or day by day. */
    private Component growth(long connectorId, ConnectionAudience audience) {
        List<AudienceGrowth> runs = directory.growth(connectorId, audience.audienceKey(), AudienceGrowth.Step.RUN,
                CHARTED_RUNS);
        if (runs.isEmpty()) {
            Paragraph none = new Paragraph("No run has counted this audience's members yet.");
            none.setId("audience-growth");
            return none;
        }
        LineChart chart = new LineChart("Members and matched visitors of " + audience.name());
        chart.setId("audience-growth");
        show(chart, AudienceGrowth.Step.RUN, runs);
        RadioButtonGroup<AudienceGrowth.Step> step = new RadioButtonGroup<>("History");
        step.setId("audience-growth-step");
        step.setItems(AudienceGrowth.Step.values());
        step.setItemLabelGenerator(each -> each == AudienceGrowth.Step.RUN ? "Run by run" : "Day by day");
        step.setValue(AudienceGrowth.Step.RUN);
        step.addValueChangeListener(change -> show(chart, change.getValue(),
                directory.growth(connectorId, audience.audienceKey(), change.getValue(), CHARTED_RUNS)));
        VerticalLayout growth = new VerticalLayout(step, chart);
        growth.setPadding(false);
        return growth;
    }

    private static void show(LineChart chart, AudienceGrowth.Step step, List<AudienceGrowth> points) {
        chart.show(points.stream().map(point -> step == AudienceGrowth.Step.RUN ? Times.format(point.at())
                : point.at().toString().substring(0, 10)).toList(), List.of(
                new LineChart.Series("Members", points.stream().map(AudienceGrowth::members).toList()),
                new LineChart.Series("Matched", points.stream().map(AudienceGrowth::matched).toList()),
                new LineChart.Series("Added", points.stream().map(AudienceGrowth::added).toList()),
                new LineChart.Series("Removed", points.stream().map(AudienceGrowth::removed).toList())));
    }

    /** The CSV of the ids the run added and removed, streamed from the kept history when asked for. */
    private Anchor idsDownload(long connectorId, ConnectionAudience audience, SyncHistoryEntry run) {
        DownloadHandler ids = event -> {
            event.setFileName(FILE_NAME_UNSAFE.matcher(audience.name() + "-" + run.syncTaskId()).replaceAll("_")
                    + "-ids.csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                directory.writeRunIds(connectorId, run.syncTaskId(), out);
            }
        };
        Anchor download = new Anchor(ids, "CSV");
        download.setAriaLabel("Download the ids sync " + run.syncTaskId() + " added and removed");
        return download;
    }

    private static String counted(Long count) {
        return count == null ? "" : String.valueOf(count);
    }

    private String lookUp(ConnectionAudience audience, String visitorId) {
        if (visitorId.isEmpty()) {
            return "Enter a visitor id.";
        }
        MemberAnswer found = directory.lookUp(audience.id(), visitorId);
        return visitorId + (found.member() ? " is in this audience" : " is not in this audience")
                + (found.knownVisitor() ? " (a known visitor)." : " (not a visitor the hub has seen).");
    }
}
