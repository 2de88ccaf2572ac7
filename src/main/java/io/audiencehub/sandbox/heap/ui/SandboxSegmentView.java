package io.audiencehub.sandbox.heap.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.audiencehub.base.ui.LiveUpdates;
import io.audiencehub.base.ui.Times;
import io.audiencehub.sandbox.heap.SandboxDelivery;
import io.audiencehub.sandbox.heap.SandboxDeliveryLogged;
import io.audiencehub.sandbox.heap.SandboxExport;
import io.audiencehub.sandbox.heap.SandboxExportService;
import io.audiencehub.sandbox.heap.SandboxSegment;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;

/**
 * One segment, with its Integrations card: the Audience Hub switch, the export config (which user
 * property is the Heap User ID), Confirm, then Sync now / Enable Recurring Sync and the delivery log.
 */
@Route(value = "heap-sandbox/segments/:segmentId", layout = SandboxHeapLayout.class, registerAtStartup = false)
@PageTitle("Segment | Heap sandbox")
@PermitAll
public class SandboxSegmentView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    private final SandboxExportService exports;
    private final VerticalLayout integration = new VerticalLayout();
    private final boolean admin;
    private volatile SandboxSegment segment;

    SandboxSegmentView(SandboxExportService exports, LiveUpdates live, AuthenticationContext authentication) {
        this.exports = exports;
        this.admin = authentication.hasRole("ADMIN");
        integration.setPadding(false);
        // the delivery log and the export's status follow the sync as it goes, with no Refresh to click
        live.follow(this, SandboxDeliveryLogged.class, logged -> {
            if (segment != null && segment.id() == logged.segmentId()) {
                showIntegration(false);
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("segmentId").orElseThrow(NotFoundException::new);
        try {
            segment = exports.segment(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(e.getMessage());
        }
        Card card = new Card();
        card.setTitle("Integrations");
        card.add(integration);
        getContent().removeAll();
        getContent().add(new H2(segment.name()), new Paragraph(segment.definition() + " · "
                + exports.userCount(segment) + " users · Heap segment id " + segment.id()), card);
        showIntegration(false);
    }

    /** The switch, then the export config while it is being set up, or the sync controls once confirmed. */
    private void showIntegration(boolean configuring) {
        integration.removeAll();
        Optional<SandboxExport> export = exports.export(segment.id());
        Checkbox audienceHub = new Checkbox("Audience Hub", export.isPresent() || configuring);
        audienceHub.setId("audience-hub-switch");
        audienceHub.setEnabled(admin);
        audienceHub.addValueChangeListener(change -> {
            if (!change.getValue()) {
                exports.removeExport(segment.id());
            }
            showIntegration(change.getValue());
        });
        integration.add(audienceHub);
        if (export.isPresent()) {
            integration.add(syncControls(export.get()));
        } else if (configuring) {
            integration.add(exportConfig());
        }
    }

    private VerticalLayout exportConfig() {
        List<String> properties = exports.userProperties(segment.environmentId());
        Select<String> userId = new Select<>();
        userId.setLabel("Heap User ID");
        userId.setId("heap-user-id");
        userId.setItems(properties);
        userId.setHelperText("The user property whose values Audience Hub knows its visitors by.");
        if (properties.contains(exports.visitorProperty())) {
            userId.setValue(exports.visitorProperty());
        }
        VerticalLayout config = new VerticalLayout(userId);
        config.setPadding(false);
        if (!properties.contains(exports.visitorProperty())) {
            Paragraph missing = new Paragraph(exports.visitorProperty() + " is not offered yet: Heap offers only the"
                    + " user properties it has collected. Install the Audience Hub tag on the site and wait for a"
                    + " visitor to carry it.");
            missing.setId("visitor-id-missing");
            config.add(missing);
        }
        Button confirm = new Button("Confirm", click -> {
            if (userId.getValue() == null) {
                userId.setInvalid(true);
                userId.setErrorMessage("Choose the user property to export as the user id.");
                return;
            }
            exports.confirmExport(segment.id(), userId.getValue());
            showIntegration(false);
        });
        confirm.setId("confirm-export");
        confirm.setEnabled(admin);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        config.add(confirm);
        return config;
    }

    private VerticalLayout syncControls(SandboxExport export) {
        Button syncNow = new Button("Sync now", click -> {
            exports.syncInBackground(segment.id());
            Notification.show("Sync started; the delivery log shows every page.", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        syncNow.setId("sync-now");
        syncNow.setEnabled(admin);
        syncNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button recurring = new Button(export.recurring() ? "Disable Recurring Sync" : "Enable Recurring Sync", click -> {
            exports.setRecurring(segment.id(), !export.recurring());
            showIntegration(false);
        });
        recurring.setId("recurring-sync");
        recurring.setEnabled(admin);

        Grid<SandboxDelivery> log = new Grid<>();
        log.setId("delivery-log");
        log.addColumn(delivery -> Times.format(delivery.at())).setHeader("When").setAutoWidth(true);
        log.addColumn(delivery -> delivery.pageNumber() + " / " + delivery.totalPages()).setHeader("Page")
                .setAutoWidth(true);
        log.addColumn(SandboxDelivery::adds).setHeader("Adds").setAutoWidth(true);
        log.addColumn(SandboxDelivery::removes).setHeader("Removes").setAutoWidth(true);
        log.addColumn(SandboxDelivery::attempt).setHeader("Attempt").setAutoWidth(true);
        log.addColumn(SandboxDelivery::outcome).setHeader("Outcome").setFlexGrow(1);
        log.setItems(query -> exports.deliveries(segment.id(), query.getOffset(), query.getLimit()).stream());
        log.setHeight("18rem");

        Paragraph status = new Paragraph("Heap User ID: " + export.userIdProperty()
                + (export.recurring() ? " · recurring sync on, next " + Times.format(export.nextSyncAt()) : "")
                + (export.lastSyncAt() == null ? " · never synced"
                : " · last sync " + Times.format(export.lastSyncAt()) + ": " + export.lastResult()));
        status.setId("export-status");
        VerticalLayout controls = new VerticalLayout(status, new HorizontalLayout(syncNow, recurring), log);
        controls.setPadding(false);
        return controls;
    }
}
