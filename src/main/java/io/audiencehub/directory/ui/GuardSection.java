package io.audiencehub.directory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import io.audiencehub.base.ui.EmptyState;
import io.audiencehub.base.ui.Times;
import io.audiencehub.directory.DirectoryService;
import io.audiencehub.directory.GuardSettings;
import io.audiencehub.directory.HeldSyncRun;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * A connection's guard on sudden audience changes: its thresholds (an admin changes them), the runs it held,
 * each approved or rejected by an admin, and its audit.
 */
class GuardSection extends Composite<VerticalLayout> {

    /** The thresholds as the form edits them. */
    private static final class Form {
        private boolean enabled;
        private Integer maxRemovedPercent;
        private Integer maxGrowthFactor;
    }

    private final DirectoryService directory;
    private final long connectorId;
    private final boolean admin;
    private final Grid<HeldSyncRun> held = new Grid<>();
    private final UnorderedList audit = new UnorderedList();

    GuardSection(DirectoryService directory, long connectorId, boolean admin) {
        this.directory = directory;
        this.connectorId = connectorId;
        this.admin = admin;
        held.setId("held-runs");
        held.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        held.setAllRowsVisible(true);
        held.addColumn(HeldSyncRun::audience).setHeader("Audience").setAutoWidth(true);
        held.addColumn(run -> String.format(Locale.ROOT, "+%,d / -%,d of %,d", run.added(), run.removed(),
                run.membersBefore())).setHeader("Change").setKey("change").setAutoWidth(true);
        held.addColumn(HeldSyncRun::reason).setHeader("Why held").setFlexGrow(2);
        held.addColumn(GuardSection::sample).setHeader("Sample").setKey("sample").setFlexGrow(2);
        held.addColumn(run -> Times.format(run.heldAt())).setHeader("Held").setAutoWidth(true);
        held.addColumn(GuardSection::decision).setHeader("Decision").setKey("decision").setAutoWidth(true);
        if (admin) {
            held.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        }
        held.setEmptyStateComponent(EmptyState.of("No run held: every sync of this connection applied as it came.",
                null));
        audit.setId("guard-audit");
        getContent().setPadding(false);
        getContent().add(new Paragraph("Where a running campaign targets an audience, a sync run that would remove much"
                + " of it, or swell it, waits here for an admin: the source was answered and nothing is lost; later runs"
                + " of that audience wait behind it."), settings(), held, audit);
        refresh();
    }

    private Component settings() {
        Checkbox enabled = new Checkbox("Hold sudden changes of audiences that running campaigns target");
        enabled.setId("guard-enabled");
        IntegerField removed = new IntegerField("Hold a run removing more than (%)");
        removed.setId("guard-max-removed");
        removed.setMin(1);
        removed.setMax(100);
        IntegerField growth = new IntegerField("Or growing an audience more than (times)");
        growth.setId("guard-max-growth");
        growth.setMin(2);
        growth.setMax(1000);
        Binder<Form> binder = new Binder<>();
        binder.forField(enabled).bind(form -> form.enabled, (form, value) -> form.enabled = value);
        binder.forField(removed).asRequired("Give 1 to 100 %.")
                .withValidator(value -> value >= 1 && value <= 100, "Give 1 to 100 %.")
                .bind(form -> form.maxRemovedPercent, (form, value) -> form.maxRemovedPercent = value);
        binder.forField(growth).asRequired("Give 2 to 1000 times.")
                .withValidator(value -> value >= 2 && value <= 1000, "Give 2 to 1000 times.")
                .bind(form -> form.maxGrowthFactor, (form, value) -> form.maxGrowthFactor = value);
        Form form = new Form();
        GuardSettings current = directory.guardOf(connectorId);
        form.enabled = current.enabled();
        form.maxRemovedPercent = current.maxRemovedPercent();
        form.maxGrowthFactor = current.maxGrowthFactor();
        binder.readBean(form);
        binder.setReadOnly(!admin);
        Button save = new Button("Save guard", click -> {
            if (!binder.writeBeanIfValid(form)) {
                return;
            }
            try {
                directory.setGuard(connectorId, new GuardSettings(form.enabled, form.maxRemovedPercent,
                        form.maxGrowthFactor));
                Notification.show("Guard saved.", 3000, Notification.Position.BOTTOM_START);
                refresh();
            } catch (IllegalArgumentException e) {
                showError(e.getMessage());
            }
        });
        save.setId("save-guard");
        save.setVisible(admin);
        HorizontalLayout row = new HorizontalLayout(enabled, removed, growth, save);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private Component actions(HeldSyncRun run) {
        if (!run.waiting()) {
            return new Span();
        }
        Button approve = new Button("Approve", click -> decide(run, directory::approve,
                "Applied as one change: the audience's later runs follow."));
        approve.setAriaLabel("Approve the held run of " + run.audience());
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button reject = new Button("Reject", click -> {
            ConfirmDialog confirm = new ConfirmDialog("Reject this run of \"" + run.audience() + "\"?",
                    "Its pages are discarded and nothing of it is applied; the source sends the audience again at its"
                            + " next sync.", "Reject run", confirmed -> decide(run, directory::reject,
                    "Rejected: nothing of it was applied; the audience's later runs follow."));
            confirm.setId("confirm-reject");
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        reject.setAriaLabel("Reject the held run of " + run.audience());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(approve, reject);
    }

    private void decide(HeldSyncRun run, LongFunction<HeldSyncRun> decision, String done) {
        try {
            decision.apply(run.id());
            Notification.show(done, 4000, Notification.Position.BOTTOM_START);
        } catch (IllegalStateException | IllegalArgumentException e) {
            showError(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        held.setItems(directory.heldRuns(connectorId));
        audit.removeAll();
        directory.guardAudit(connectorId).forEach(entry -> audit.add(new ListItem(entry)));
    }

    private static String sample(HeldSyncRun run) {
        String added = run.sampleAdded().isEmpty() ? "" : "in: " + String.join(", ", run.sampleAdded());
        String removed = run.sampleRemoved().isEmpty() ? "" : "out: " + String.join(", ", run.sampleRemoved());
        return added.isEmpty() || removed.isEmpty() ? added + removed : added + "; " + removed;
    }

    private static String decision(HeldSyncRun run) {
        return switch (run.status()) {
            case "HELD" -> "waiting for an admin";
            case "APPROVED" -> "approved by " + run.decidedBy() + ", applying";
            case "APPLIED" -> "approved by " + run.decidedBy() + ", applied";
            default -> "rejected by " + run.decidedBy();
        };
    }

    private static void showError(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
