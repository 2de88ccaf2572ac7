package io.audiencehub.sandbox.mixpanel.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
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
import io.audiencehub.sandbox.mixpanel.MixpanelCohort;
import io.audiencehub.sandbox.mixpanel.MixpanelCohortSync;
import io.audiencehub.sandbox.mixpanel.MixpanelConnection;
import io.audiencehub.sandbox.mixpanel.MixpanelDeliveryAttempt;
import io.audiencehub.sandbox.mixpanel.MixpanelDeliveryLogged;
import io.audiencehub.sandbox.mixpanel.SandboxCohortExport;
import io.audiencehub.sandbox.mixpanel.SandboxMixpanelService;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;

/**
 * One cohort and its export: the Custom Webhook connection it goes to, Sync now, the recurring sync,
 * Resume after a pause, and the delivery log, which follows the sync as it goes.
 */
@Route(value = "mixpanel-sandbox/cohorts/:cohortId", layout = SandboxMixpanelLayout.class, registerAtStartup = false)
@PageTitle("Cohort | Mixpanel sandbox")
@PermitAll
public class SandboxCohortView extends Composite<VerticalLayout> implements BeforeEnterObserver {

    private final SandboxMixpanelService mixpanel;
    private final SandboxCohortExport export;
    private final boolean admin;
    private final VerticalLayout sync = new VerticalLayout();
    private volatile MixpanelCohort cohort;

    SandboxCohortView(SandboxMixpanelService mixpanel, SandboxCohortExport export, LiveUpdates live,
                      AuthenticationContext authentication) {
        this.mixpanel = mixpanel;
        this.export = export;
        this.admin = authentication.hasRole("ADMIN");
        sync.setPadding(false);
        live.follow(this, MixpanelDeliveryLogged.class, logged -> {
            if (cohort != null && cohort.id() == logged.cohortId()) {
                showSync();
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("cohortId").orElseThrow(NotFoundException::new);
        try {
            cohort = mixpanel.cohort(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(e.getMessage());
        }
        Card card = new Card();
        card.setTitle("Export to a webhook");
        card.add(sync);
        getContent().removeAll();
        getContent().add(new H2(cohort.name()), new Paragraph(cohort.definition() + " · " + mixpanel.memberCount(cohort)
                + " users · cohort id " + cohort.id()), card);
        showSync();
    }

    private void showSync() {
        sync.removeAll();
        Optional<MixpanelCohortSync> current = mixpanel.sync(cohort.id());
        List<MixpanelConnection> connections = mixpanel.connections();
        Select<MixpanelConnection> connection = new Select<>();
        connection.setLabel("Connection");
        connection.setId("connection");
        connection.setItems(connections);
        connection.setItemLabelGenerator(MixpanelConnection::name);
        connection.setEmptySelectionAllowed(false);
        current.flatMap(exported -> connections.stream().filter(c -> c.id() == exported.connectionId()).findFirst())
                .ifPresent(connection::setValue);
        Button exportTo = new Button(current.isPresent() ? "Change connection" : "Export", click -> {
            if (connection.getValue() == null) {
                connection.setInvalid(true);
                connection.setErrorMessage("Choose the Custom Webhook connection, or add one under Integrations.");
                return;
            }
            mixpanel.exportTo(cohort.id(), connection.getValue().id());
            showSync();
        });
        exportTo.setId("export-to-connection");
        exportTo.setEnabled(admin);
        sync.add(new HorizontalLayout(connection, exportTo));
        if (connections.isEmpty()) {
            sync.add(new Paragraph("No Custom Webhook connection yet: add one under Integrations."));
        }
        current.ifPresent(exported -> sync.add(controls(exported)));
    }

    private VerticalLayout controls(MixpanelCohortSync exported) {
        Button syncNow = new Button("Sync now", click -> run(() -> export.syncInBackground(cohort.id()),
                "Sync started; the delivery log shows every call."));
        syncNow.setId("sync-now");
        syncNow.setEnabled(admin && !exported.paused());
        syncNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button recurring = new Button(exported.recurring() ? "Stop recurring sync" : "Enable recurring sync",
                click -> run(() -> mixpanel.setRecurring(cohort.id(), !exported.recurring()), null));
        recurring.setId("recurring-sync");
        recurring.setEnabled(admin);
        HorizontalLayout buttons = new HorizontalLayout(syncNow, recurring);
        if (exported.paused()) {
            Button resume = new Button("Resume sync", click -> run(() -> mixpanel.resume(cohort.id()), null));
            resume.setId("resume-sync");
            resume.setEnabled(admin);
            buttons.add(resume);
        }
        Paragraph status = new Paragraph((exported.paused() ? "Paused · " : "")
                + (exported.recurring() ? "recurring, next " + Times.format(exported.nextSyncAt()) + " · " : "")
                + (exported.lastSyncAt() == null ? "never synced"
                : "last sync " + Times.format(exported.lastSyncAt()) + ": " + exported.lastResult()));
        status.setId("sync-status");

        Grid<MixpanelDeliveryAttempt> log = new Grid<>();
        log.setId("delivery-log");
        log.addColumn(delivery -> Times.format(delivery.at())).setHeader("When").setAutoWidth(true);
        log.addColumn(MixpanelDeliveryAttempt::action).setHeader("Action").setAutoWidth(true);
        log.addColumn(delivery -> delivery.pageCount() + " / " + delivery.totalPages()).setHeader("Page")
                .setAutoWidth(true);
        log.addColumn(MixpanelDeliveryAttempt::members).setHeader("Members").setAutoWidth(true);
        log.addColumn(MixpanelDeliveryAttempt::attempt).setHeader("Attempt").setAutoWidth(true);
        log.addColumn(MixpanelDeliveryAttempt::outcome).setHeader("Outcome").setFlexGrow(1);
        log.setItems(query -> mixpanel.deliveries(cohort.id(), query.getOffset(), query.getLimit()).stream());
        log.setHeight("18rem");
        VerticalLayout controls = new VerticalLayout(status, buttons, log);
        controls.setPadding(false);
        return controls;
    }

    private void run(Runnable action, String started) {
        try {
            action.run();
            if (started != null) {
                Notification.show(started, 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
            showSync();
        } catch (IllegalStateException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
