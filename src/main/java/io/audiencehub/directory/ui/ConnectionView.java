package io.audiencehub.directory.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.MemberLookup;
import io.audiencehub.base.ui.ReadOnlyField;
import io.audiencehub.base.ui.Times;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.ui.StateBadge;
import io.audiencehub.directory.DirectoryEntry;
import io.audiencehub.directory.DirectoryService;
import io.audiencehub.sync.SyncRun;
import io.audiencehub.sync.SyncService;
import jakarta.annotation.security.PermitAll;

/**
 * One connection: its audiences (found by name, loaded page by page), and for the selected audience
 * its sync history and a member lookup; then the deliveries this connection had refused.
 */
@Route("integrations/directory/:connectorId")
@PageTitle("Connection | Audience Hub")
@PermitAll
public class ConnectionView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    private final ConnectorService connectors;
    private final DirectoryService directory;
    private final AudienceService audiences;
    private final SyncService sync;
    private final VerticalLayout details = new VerticalLayout();
    private Connector connector;

    ConnectionView(ConnectorService connectors, DirectoryService directory, AudienceService audiences,
                   SyncService sync) {
        this.connectors = connectors;
        this.directory = directory;
        this.audiences = audiences;
        this.sync = sync;
        details.setId("audience-details");
        details.setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("connectorId").orElseThrow(NotFoundException::new);
        connector = connectors.find(id).orElseThrow(NotFoundException::new);
        DirectoryEntry entry = directory.entry(connector);
        VerticalLayout content = getContent();
        content.removeAll();
        HorizontalLayout title = new HorizontalLayout(new H2(connector.name()), StateBadge.of(connector.state()),
                HealthBadge.of(entry.sync()));
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph health = new Paragraph("Health: " + entry.sync().healthReason() + ".");
        health.setId("connection-health-reason");
        content.add(title, health, summary(entry), new H3("Audiences"), audienceFinder(), details,
                new H3("Refused deliveries"), RejectionsGrid.of(sync, connector.id(), "refused-deliveries"));
    }

    private FormLayout summary(DirectoryEntry entry) {
        return new FormLayout(
                ReadOnlyField.of("Provider", entry.providerName()),
                ReadOnlyField.of("Heap environment", connector.environmentName()),
                ReadOnlyField.of("TokenID", connector.tokenId()),
                ReadOnlyField.of("Audiences", entry.audiences() + " (" + entry.availableAudiences() + " available)"),
                ReadOnlyField.of("Last sync", entry.sync().lastSyncAt() == null ? "never" : Times.format(entry.sync().lastSyncAt())));
    }

    private VerticalLayout audienceFinder() {
        TextField filter = new TextField();
        filter.setId("audience-filter");
        filter.setPlaceholder("Find an audience by name");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("24rem");

        Grid<Audience> grid = new Grid<>();
        grid.setId("audiences");
        grid.addColumn(Audience::name).setHeader("Name").setWidth("14rem").setFlexGrow(1)
                .setTooltipGenerator(Audience::name);
        grid.addColumn(Audience::segmentId).setHeader("Heap segment id").setAutoWidth(true);
        grid.addColumn(Audience::memberCount).setHeader("Members").setAutoWidth(true);
        grid.addColumn(Audience::matchedCount).setHeader("Matched").setAutoWidth(true);
        grid.addComponentColumn(ConnectionView::availability).setHeader("Targeting").setKey("targeting")
                .setAutoWidth(true);
        grid.addColumn(audience -> Times.format(audience.lastChangeAt())).setHeader("Last sync").setAutoWidth(true);
        grid.setHeight("24rem");
        Runnable load = () -> grid.setItems(
                query -> audiences.page(connector.id(), filter.getValue(), false, query.getOffset(), query.getLimit())
                        .stream(),
                query -> audiences.count(connector.id(), filter.getValue(), false));
        load.run();
        filter.addValueChangeListener(change -> load.run());
        grid.asSingleSelect().addValueChangeListener(selection -> showAudience(selection.getValue()));

        VerticalLayout finder = new VerticalLayout(filter, grid);
        finder.setPadding(false);
        return finder;
    }

    private static Span availability(Audience audience) {
        Span badge = new Span(audience.available() ? "available" : "hidden: " + Audience.UNAVAILABLE_REASON);
        badge.getElement().getThemeList().add(audience.available() ? "badge success" : "badge contrast");
        return badge;
    }

    private void showAudience(Audience audience) {
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

        Grid<SyncRun> history = new Grid<>();
        history.setId("sync-history");
        history.addColumn(run -> Times.format(run.startedAt())).setHeader("Started").setAutoWidth(true);
        history.addColumn(run -> sync.statusOf(run).name().toLowerCase().replace('_', ' ')).setHeader("Result")
                .setAutoWidth(true);
        history.addColumn(run -> run.pagesReceived() + " / " + run.totalPages()).setHeader("Pages").setAutoWidth(true);
        history.addColumn(SyncRun::added).setHeader("Added").setAutoWidth(true);
        history.addColumn(SyncRun::removed).setHeader("Removed").setAutoWidth(true);
        history.addColumn(run -> run.ignoredAdds() + run.ignoredRemoves()).setHeader("Ignored").setAutoWidth(true);
        history.addColumn(run -> Times.format(run.duration())).setHeader("Duration").setAutoWidth(true);
        history.addColumn(SyncRun::lastError).setHeader("Error").setFlexGrow(1);
        history.setItems(query -> sync.runs(connector.id(), audience.segmentId(), query.getOffset(), query.getLimit())
                .stream(), query -> sync.countRuns(connector.id(), audience.segmentId()));
        history.setHeight("16rem");
        details.add(new H3(audience.name()), lookupRow, history);
    }

    private String lookUp(Audience audience, String visitorId) {
        if (visitorId.isEmpty()) {
            return "Enter a visitor id.";
        }
        MemberLookup found = audiences.lookup(audience.id(), visitorId);
        return visitorId + (found.member() ? " is in this audience" : " is not in this audience")
                + (found.knownVisitor() ? " (a known visitor)." : " (not a visitor the hub has seen).");
    }
}
