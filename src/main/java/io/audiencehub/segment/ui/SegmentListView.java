package io.audiencehub.segment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.audiencehub.base.ui.EmptyState;
import io.audiencehub.base.ui.Times;
import io.audiencehub.segment.SegmentException;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.segment.SegmentSummary;
import jakarta.annotation.security.PermitAll;

/** Every segment in words, with what uses it; admins create, duplicate, rename and delete them. */
@Route("segments")
@PageTitle("Segments | Audience Hub")
@Menu(title = "Segments", order = 3, icon = "vaadin:filter")
@PermitAll
public class SegmentListView extends Composite<VerticalLayout> {

    private final SegmentService segments;
    private final boolean admin;
    private final Grid<SegmentSummary> grid = new Grid<>();

    SegmentListView(SegmentService segments, AuthenticationContext authentication) {
        this.segments = segments;
        this.admin = authentication.hasRole("ADMIN");
        grid.setId("segments-list");
        grid.addColumn(SegmentSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(SegmentSummary::criteria).setHeader("Criteria").setFlexGrow(1);
        grid.addColumn(SegmentSummary::usedBy).setHeader("Campaigns").setAutoWidth(true);
        grid.addColumn(summary -> Times.format(summary.updatedAt())).setHeader("Last change").setAutoWidth(true);
        grid.addComponentColumn(SegmentListView::attention).setHeader("Attention").setKey("attention")
                .setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true);
        }
        grid.addItemClickListener(click -> open(click.getItem().id()));
        Button first = new Button("Build the first segment", click -> getUI().ifPresent(ui -> ui.navigate(
                SegmentBuilderView.class, new RouteParameters("segmentId", SegmentBuilderView.NEW))));
        first.setId("build-first-segment");
        grid.setEmptyStateComponent(EmptyState.of("No segment yet. A segment combines criteria, such as an"
                + " audience from EXTERNAL DATA, the page or the device; campaigns target segments.", admin ? first : null));
        load();
        Button create = new Button("New segment", click -> getUI().ifPresent(ui -> ui.navigate(SegmentBuilderView.class,
                new RouteParameters("segmentId", SegmentBuilderView.NEW))));
        create.setId("new-segment");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(admin);
        getContent().add(new H2("Segments"), create, grid);
    }

    private void load() {
        grid.setItems(query -> segments.page(query.getOffset(), query.getLimit()).stream(), query -> segments.count());
    }

    private static Component attention(SegmentSummary summary) {
        if (summary.warnings().isEmpty()) {
            return new Span();
        }
        Span badge = new Span(String.join("; ", summary.warnings()));
        badge.getElement().getThemeList().add("badge error");
        return badge;
    }

    private Component actions(SegmentSummary summary) {
        Button duplicate = new Button("Duplicate", click -> attempt(() -> open(segments.duplicate(summary.id()).id())));
        duplicate.setId("duplicate-" + summary.id());
        Button rename = new Button("Rename", click -> rename(summary));
        rename.setId("rename-" + summary.id());
        Button delete = new Button("Delete", click -> {
            ConfirmDialog confirm = new ConfirmDialog("Delete \"" + summary.name() + "\"?", "This cannot be undone.",
                    "Delete", event -> attempt(() -> {
                        segments.delete(summary.id());
                        load();
                    }));
            confirm.setCancelable(true);
            confirm.open();
        });
        delete.setId("delete-" + summary.id());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(duplicate, rename, delete);
        actions.getChildren().forEach(button -> ((Button) button).addThemeVariants(ButtonVariant.LUMO_TERTIARY));
        return actions;
    }

    private void rename(SegmentSummary summary) {
        TextField name = new TextField("New name", summary.name(), "");
        name.setId("segment-new-name");
        name.setMaxLength(SegmentService.MAX_NAME_LENGTH);
        name.setWidthFull();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Rename segment");
        dialog.add(name);
        dialog.setCancelable(true);
        dialog.setConfirmText("Rename");
        dialog.addConfirmListener(event -> attempt(() -> {
            segments.rename(summary.id(), name.getValue());
            load();
        }));
        dialog.open();
    }

    private void open(long id) {
        getUI().ifPresent(ui -> ui.navigate(SegmentBuilderView.class, new RouteParameters("segmentId", String.valueOf(id))));
    }

    private static void attempt(Runnable action) {
        try {
            action.run();
        } catch (SegmentException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
