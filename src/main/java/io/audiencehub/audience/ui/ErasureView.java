package io.audiencehub.audience.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.audiencehub.audience.ErasureAuditEntry;
import io.audiencehub.audience.ErasureService;
import io.audiencehub.audience.Suppression;
import io.audiencehub.base.ui.Times;
import io.audiencehub.security.Role;
import jakarta.annotation.security.RolesAllowed;

/**
 * Erasure of a visitor on request: the visitor id is typed, confirmed and forgotten; the screen lists
 * the suppressed member keys (never ids), lets an admin lift one, and shows the audit.
 */
@Route("admin/erasure")
@PageTitle("Erasure | Audience Hub")
@Menu(title = "Erasure", order = 92, icon = "vaadin:eraser")
@RolesAllowed(Role.ADMIN_NAME)
public class ErasureView extends Composite<VerticalLayout> {

    private static final int SHOWN = 200;

    private final ErasureService erasures;
    private final TextField visitorId = new TextField("Visitor id");
    private final Grid<Suppression> suppressions = new Grid<>();
    private final Grid<ErasureAuditEntry> audit = new Grid<>();

    ErasureView(ErasureService erasures) {
        this.erasures = erasures;
        visitorId.setId("erasure-visitor-id");
        visitorId.setHelperText("As the source sends it: the site tag's visitor id (ABTastyVisitorId in Heap),"
                + " or a custom source's key such as an e-mail address.");
        visitorId.setWidth("24rem");
        Button erase = new Button("Erase visitor", click -> confirmErasure());
        erase.setId("erase-visitor");
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout form = new HorizontalLayout(visitorId, erase);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        suppressions.setId("suppressions");
        suppressions.addColumn(Suppression::keyText).setHeader("Member key").setAutoWidth(true);
        suppressions.addColumn(Suppression::erasedBy).setHeader("Erased by").setAutoWidth(true);
        suppressions.addColumn(suppression -> Times.format(suppression.erasedAt())).setHeader("Erased")
                .setAutoWidth(true);
        suppressions.addColumn(ErasureView::removed).setHeader("Removed from").setKey("removed").setAutoWidth(true);
        suppressions.addComponentColumn(this::liftButton).setHeader("Suppression").setKey("lift").setAutoWidth(true);
        suppressions.setAllRowsVisible(true);
        audit.setId("erasure-audit");
        audit.addColumn(entry -> Times.format(entry.at())).setHeader("When").setAutoWidth(true);
        audit.addColumn(ErasureAuditEntry::action).setHeader("Action").setAutoWidth(true);
        audit.addColumn(ErasureAuditEntry::keyText).setHeader("Member key").setAutoWidth(true);
        audit.addColumn(ErasureAuditEntry::actor).setHeader("By").setAutoWidth(true);
        audit.setAllRowsVisible(true);
        refresh();
        getContent().add(new H2("Erasure of a visitor"), new Paragraph("An erased visitor leaves the visitor"
                        + " registry and every audience and count at once. Only its member key (a salted hash) is kept:"
                        + " it stays suppressed, so that no sync adds it to an audience again, until it is lifted."),
                form, new H3("Suppressed visitors"), suppressions, new H3("Audit"), audit);
    }

    private void confirmErasure() {
        String id = visitorId.getValue().strip();
        new ConfirmDialog("Erase visitor \"" + id + "\"?", "It is removed from the registry and from every audience,"
                + " and no sync brings it back until the suppression is lifted. This cannot be undone.", "Erase",
                confirmed -> erase(id)).open();
    }

    private void erase(String id) {
        try {
            Suppression suppression = erasures.erase(id);
            visitorId.clear();
            visitorId.setInvalid(false);
            Notification.show(suppression.appliedAt() == null
                    ? "Visitor erased from the registry; the audiences follow as soon as the audience writer runs."
                    : "Visitor erased: removed from " + suppression.membershipsRemoved() + " audiences.");
        } catch (IllegalArgumentException e) {
            visitorId.setErrorMessage(e.getMessage());
            visitorId.setInvalid(true);
        }
        refresh();
    }

    private Component liftButton(Suppression suppression) {
        if (suppression.liftRequestedAt() != null) {
            return new Span("lifting");
        }
        Button lift = new Button("Lift", click -> new ConfirmDialog("Lift the suppression of " + suppression.keyText()
                + "?", "Later syncs may add this visitor to audiences again.", "Lift", confirmed -> {
            erasures.lift(suppression.memberKey());
            refresh();
        }).open());
        lift.setId("lift-" + suppression.keyText());
        lift.setAriaLabel("Lift suppression " + suppression.keyText());
        lift.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return lift;
    }

    private static String removed(Suppression suppression) {
        return suppression.appliedAt() == null ? "pending" : suppression.membershipsRemoved() + " audiences";
    }

    private void refresh() {
        suppressions.setItems(erasures.suppressions(0, SHOWN));
        audit.setItems(erasures.audit(0, SHOWN));
    }
}
