package io.audiencehub.directory.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.audiencehub.base.ui.EmptyState;
import io.audiencehub.base.ui.Times;
import io.audiencehub.directory.DirectoryEntry;
import io.audiencehub.directory.DirectoryService;
import jakarta.annotation.security.PermitAll;

/** Every connection: its state, environment, audiences, last sync and health; a click drills down. */
@Route("integrations/directory")
@PageTitle("Directory | Audience Hub")
@Menu(title = "Directory", order = 2, icon = "vaadin:sitemap")
@PermitAll
public class DirectoryView extends Composite<VerticalLayout> {

    DirectoryView(DirectoryService directory) {
        Grid<DirectoryEntry> connections = new Grid<>();
        connections.setId("connections");
        connections.addColumn(DirectoryEntry::providerName).setHeader("Provider").setAutoWidth(true);
        connections.addColumn(DirectoryEntry::name).setHeader("Connector").setAutoWidth(true);
        connections.addComponentColumn(HealthBadge::stateOf).setHeader("State").setAutoWidth(true);
        connections.addColumn(DirectoryEntry::tokenId).setHeader("TokenID").setAutoWidth(true);
        connections.addColumn(DirectoryEntry::environmentName).setHeader("Environment").setAutoWidth(true);
        connections.addColumn(entry -> entry.audiences() + " (" + entry.availableAudiences() + " available)")
                .setHeader("Audiences").setAutoWidth(true);
        connections.addColumn(DirectoryView::lastSync).setHeader("Last sync").setAutoWidth(true);
        connections.addComponentColumn(HealthBadge::of).setHeader("Health").setAutoWidth(true);
        connections.setItems(query -> directory.page(query.getOffset(), query.getLimit()).stream(),
                query -> directory.count());
        // a path, not the view's class: the Integration Hub is another feature's page
        connections.setEmptyStateComponent(EmptyState.of("No connection yet. Connect Heap, a custom source or a"
                + " CSV file in the Integration Hub; its audiences are listed here once it syncs.",
                new Anchor("integrations/hub", "Open the Integration Hub")));
        connections.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ConnectionView.class,
                new RouteParameters("connectorId", String.valueOf(click.getItem().connectorId())))));

        VerticalLayout content = getContent();
        content.add(new H2("Directory"),
                new Paragraph("Every connection, with its audiences and deliveries. Select one to see its audiences."),
                connections);
        if (!directory.refusedDeliveries(null, 0, 1).isEmpty()) {
            content.add(new H3("Refused deliveries that named no connection"),
                    new Paragraph("Heap sent these with an id_token no connector holds, or with a signature this hub"
                            + " could not verify."),
                    RejectionsGrid.of(directory, null, "unattributed-rejections"));
        }
    }

    private static String lastSync(DirectoryEntry entry) {
        if (entry.lastSyncAt() == null) {
            return "never";
        }
        return Times.format(entry.lastSyncAt()) + (entry.lastRun() == null ? "" : " (" + entry.lastRun() + ")");
    }
}
