package io.audiencehub.overview.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.audiencehub.base.ui.EmptyState;
import io.audiencehub.base.ui.LineChart;
import io.audiencehub.base.ui.LiveUpdates;
import io.audiencehub.base.ui.Times;
import io.audiencehub.overview.Overview;
import io.audiencehub.overview.Overview.ChangedAudience;
import io.audiencehub.overview.Overview.ConnectorHealth;
import io.audiencehub.overview.OverviewService;
import io.audiencehub.overview.OverviewTick;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The page after sign-in: the whole pipeline at a glance, each tile leading to its screen, read again at
 * each {@link OverviewTick} (every 30 seconds, and when an alert opens or closes), pushed to the browser.
 */
@Route("overview")
@RouteAlias("")
@PageTitle("Overview | Audience Hub")
@Menu(title = "Overview", order = 0, icon = "vaadin:dashboard")
@PermitAll
public class OverviewView extends Composite<VerticalLayout> {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("dd HH:00").withZone(ZoneOffset.UTC);

    private final OverviewService overviews;
    private final Div tiles = new Div();

    OverviewView(OverviewService overviews, LiveUpdates live) {
        this.overviews = overviews;
        tiles.setId("overview-tiles");
        tiles.addClassNames(LumoUtility.Display.GRID, LumoUtility.Gap.MEDIUM);
        tiles.getStyle().set("grid-template-columns", "repeat(auto-fill, minmax(28rem, 1fr))");
        tiles.setWidthFull();
        getContent().add(new H2("Overview"), tiles);
        live.follow(this, OverviewTick.class, tick -> show());
        show();
    }

    private void show() {
        Overview overview = overviews.overview();
        tiles.removeAll();
        tiles.add(visitors(overview), connectors(overview), audiences(overview), campaigns(overview), alerts(overview));
    }

    private static Card visitors(Overview overview) {
        LineChart chart = new LineChart("Visitors reported per hour, the last 48 hours");
        chart.setId("overview-visitors");
        chart.show(overview.visitorsPerHour().stream().map(figure -> HOUR.format(figure.hour())).toList(),
                List.of(new LineChart.Series("Visitors", overview.visitorsPerHour().stream()
                        .map(Overview.HourFigure::count).toList())));
        return tile("Visitors reported per hour (48 h, UTC)", "visitors/inspect", "Inspect a visitor", chart);
    }

    private static Card connectors(Overview overview) {
        Grid<ConnectorHealth> grid = new Grid<>();
        grid.setId("overview-connectors");
        grid.addColumn(ConnectorHealth::connector).setHeader("Connection").setAutoWidth(true);
        grid.addColumn(ConnectorHealth::provider).setHeader("Source").setAutoWidth(true);
        grid.addColumn(ConnectorHealth::health).setHeader("Health").setKey("health").setAutoWidth(true);
        grid.addColumn(health -> Times.format(health.lastSyncAt())).setHeader("Last sync").setAutoWidth(true);
        grid.setItems(overview.connectors());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateComponent(EmptyState.of("No connection yet.", link("integrations/hub",
                "Open the Integration Hub")));
        return tile("Syncs and their health", "integrations/directory", "Open the Directory", grid);
    }

    private static Card audiences(Overview overview) {
        Grid<ChangedAudience> grid = new Grid<>();
        grid.setId("overview-audiences");
        grid.addColumn(ChangedAudience::audience).setHeader("Audience").setAutoWidth(true);
        grid.addColumn(ChangedAudience::connector).setHeader("Connection").setAutoWidth(true);
        grid.addColumn(change -> (change.change() > 0 ? "+" : "") + change.change()).setHeader("Change")
                .setKey("change").setAutoWidth(true);
        grid.addColumn(ChangedAudience::now).setHeader("Members").setAutoWidth(true);
        grid.setItems(overview.changedMost());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateComponent(EmptyState.of("No audience changed since yesterday.", null));
        return tile("Audiences that changed most since yesterday", "integrations/directory", "Open the Directory", grid);
    }

    private static Card campaigns(Overview overview) {
        Component content;
        if (overview.decisions().isEmpty()) {
            content = new Paragraph("No running campaign decided anything in the last 24 hours.");
        } else {
            LineChart chart = new LineChart("Decisions per variation per hour of the running campaigns, the last 24 hours");
            chart.show(overview.decisionHours().stream().map(HOUR::format).toList(), overview.decisions().stream()
                    .map(line -> new LineChart.Series(line.campaign() + " / " + line.variation(), line.perHour()))
                    .toList());
            content = chart;
        }
        content.setId("overview-decisions");
        return tile("Running campaigns: decisions per variation per hour (24 h, UTC)", "campaigns", "Open the campaigns",
                content);
    }

    private static Card alerts(Overview overview) {
        Component content;
        if (overview.openAlerts().isEmpty()) {
            content = new Paragraph("No open alert.");
        } else {
            UnorderedList list = new UnorderedList();
            overview.openAlerts().forEach(alert -> list.add(new ListItem(alert)));
            content = list;
        }
        content.setId("overview-alerts");
        return tile("Open alerts", "integrations/directory", "Open the Directory", content);
    }

    private static Card tile(String title, String route, String linkText, Component content) {
        Card card = new Card();
        card.setTitle(title);
        card.add(content);
        card.addToFooter(link(route, linkText));
        return card;
    }

    /** A link the router follows without reloading the page; by path, as the screens are other features'. */
    private static Anchor link(String route, String text) {
        Anchor link = new Anchor(route, text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }
}
