package io.audiencehub.inspection.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.audiencehub.base.ui.EmptyState;
import io.audiencehub.base.ui.Times;
import io.audiencehub.inspection.VisitorInspection;
import io.audiencehub.inspection.VisitorInspection.Departure;
import io.audiencehub.inspection.VisitorInspection.Membership;
import io.audiencehub.inspection.VisitorInspection.Outcome;
import io.audiencehub.inspection.VisitorInspection.Page;
import io.audiencehub.inspection.VisitorInspector;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The visitor inspector: a visitor id, and optionally the page it is on, answered with what the hub
 * knows of the visitor, its audiences, and for every running campaign whether it enters and why.
 * {@code ?visitor=<id>} inspects at once (the demo site links here for its visitor).
 */
@Route("visitors/inspect")
@PageTitle("Visitor inspector | Audience Hub")
@Menu(title = "Visitor inspector", order = 5, icon = "vaadin:search")
@PermitAll
public class VisitorInspectorView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    private static final String NOT_GIVEN = "";

    /** What the form holds; empty fields are not given. */
    public record InspectForm(String visitorId, String url, String device, String browser, String language,
                              String country, String returning) {
    }

    private final VisitorInspector inspector;
    private final Binder<InspectForm> binder = new Binder<>(InspectForm.class);
    private final TextField visitorId = new TextField("Visitor id");
    private final VerticalLayout result = new VerticalLayout();

    VisitorInspectorView(VisitorInspector inspector) {
        this.inspector = inspector;
        visitorId.setId("inspect-visitor-id");
        visitorId.setHelperText("The site tag's visitor id (the ABTasty cookie's uid, ABTastyVisitorId in Heap).");
        TextField url = new TextField("Page URL");
        url.setHelperText("Not given: criteria on the page URL and its query are unknown.");
        Select<String> device = choice("Device", "desktop", "mobile", "tablet");
        Select<String> browser = choice("Browser", "chrome", "firefox", "safari", "edge", "other");
        TextField language = new TextField("Language");
        language.setPlaceholder("fr-CA");
        TextField country = new TextField("Country");
        country.setPlaceholder("FR");
        Select<String> returning = choice("Visitor", "new", "returning");
        binder.forField(visitorId).asRequired("Type the visitor id to inspect.").bind("visitorId");
        binder.forField(url).bind("url");
        binder.forField(device).bind("device");
        binder.forField(browser).bind("browser");
        binder.forField(language).bind("language");
        binder.forField(country).bind("country");
        binder.forField(returning).bind("returning");
        binder.readRecord(new InspectForm("", "", NOT_GIVEN, NOT_GIVEN, "", "", NOT_GIVEN));
        Button inspect = new Button("Inspect visitor", click -> inspect());
        inspect.setId("inspect-visitor");
        inspect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        inspect.addClickShortcut(Key.ENTER);
        result.setPadding(false);
        getContent().add(new H2("Visitor inspector"), new Paragraph("Why does a visitor get a campaign, or not? Type"
                + " its id and, if you know it, the page it is on."), new FormLayout(visitorId, url, device, browser,
                language, country, returning), inspect, result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("visitor").ifPresent(id -> {
            visitorId.setValue(id);
            inspect();
        });
    }

    private void inspect() {
        InspectForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException invalid) {
            return;
        }
        result.removeAll();
        try {
            show(inspector.inspect(form.visitorId().strip(), new Page(given(form.url()), given(form.device()),
                    given(form.browser()), given(form.language()), given(form.country()),
                    given(form.returning()) == null ? null : form.returning().equals("returning"))));
            visitorId.setInvalid(false);
        } catch (IllegalArgumentException refused) {
            visitorId.setInvalid(true);
            visitorId.setErrorMessage(refused.getMessage());
        }
    }

    private void show(VisitorInspection inspection) {
        Paragraph known = new Paragraph(inspection.erased() ? "Erased: this visitor was erased; it stays out of the"
                + " registry and every audience until the erasure is lifted."
                : inspection.firstSeen() == null ? "Not known to the hub: no site tag reported this visitor yet, so it"
                + " is matched in no audience's counts."
                : "Known to the hub: first seen " + Times.format(inspection.firstSeen()) + ", last seen "
                + Times.format(inspection.lastSeen()) + ".");
        known.setId("inspection-visitor");
        List<String> given = inspection.contextGiven();
        Paragraph context = new Paragraph(given.isEmpty() ? "No page context given: criteria on the page, the device"
                + " and so on are unknown, and unknown never matches." : "Page context given: " + String.join(", ", given)
                + "; criteria on the rest are unknown.");
        context.setId("inspection-context");

        Grid<Membership> memberships = new Grid<>();
        memberships.setId("inspection-audiences");
        memberships.addColumn(Membership::connector).setHeader("Connector").setAutoWidth(true);
        memberships.addColumn(Membership::audience).setHeader("Audience").setFlexGrow(1);
        memberships.addColumn(membership -> membership.since() == null ? "before the kept sync history"
                        : Times.format(membership.since()) + " (sync " + membership.sinceSync() + ")")
                .setHeader("Member since").setKey("since").setAutoWidth(true);
        memberships.setItems(inspection.memberships());
        memberships.setAllRowsVisible(true);
        memberships.setEmptyStateComponent(EmptyState.of("A member of no imported audience.", null));

        Grid<Departure> departures = new Grid<>();
        departures.setId("inspection-departures");
        departures.addColumn(Departure::connector).setHeader("Connector").setAutoWidth(true);
        departures.addColumn(Departure::audience).setHeader("Audience").setFlexGrow(1);
        departures.addColumn(departure -> Times.format(departure.at()) + " (sync " + departure.bySync() + ")")
                .setHeader("Left").setKey("left").setAutoWidth(true);
        departures.setItems(inspection.departures());
        departures.setAllRowsVisible(true);
        departures.setEmptyStateComponent(EmptyState.of("Left no audience in the last 30 days.", null));

        Grid<Outcome> campaigns = new Grid<>();
        campaigns.setId("inspection-campaigns");
        campaigns.addColumn(Outcome::campaign).setHeader("Campaign").setAutoWidth(true);
        campaigns.addColumn(Outcome::outcome).setHeader("Outcome").setKey("outcome").setAutoWidth(true);
        campaigns.addColumn(Outcome::why).setHeader("Why").setKey("why").setFlexGrow(1);
        GridListDataView<Outcome> shown = campaigns.setItems(inspection.campaigns());
        campaigns.setAllRowsVisible(true);
        campaigns.setEmptyStateComponent(EmptyState.of("No running campaign here.", null));
        // a hub runs up to hundreds of campaigns: the one a person asks about is found by its name
        TextField filter = new TextField();
        filter.setId("inspection-campaign-filter");
        filter.setPlaceholder("Campaign name");
        filter.setAriaLabel("Filter the campaigns by name");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(change -> shown.setFilter(outcome -> outcome.campaign().toLowerCase(Locale.ROOT)
                .contains(change.getValue().strip().toLowerCase(Locale.ROOT))));
        result.add(new H3("Visitor " + inspection.visitorId()), known, context, new H3("Audiences"), memberships,
                new H3("Left recently"), departures, new H3("Running campaigns"), filter, campaigns);
    }

    private static Select<String> choice(String label, String... values) {
        Select<String> select = new Select<>();
        select.setLabel(label);
        select.setItems(Stream.concat(Stream.of(NOT_GIVEN), Arrays.stream(values)).toList());
        select.setItemLabelGenerator(value -> value.isEmpty() ? "Not given" : value);
        return select;
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
