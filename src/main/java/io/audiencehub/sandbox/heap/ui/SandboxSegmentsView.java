package io.audiencehub.sandbox.heap.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.router.RouteParameters;
import io.audiencehub.sandbox.heap.SandboxEnvironment;
import io.audiencehub.sandbox.heap.SandboxExportService;
import io.audiencehub.sandbox.heap.SandboxSegment;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Heap's Definitions > Segments, per environment of the sandbox. */
@Route(value = "heap-sandbox/segments", layout = SandboxHeapLayout.class, registerAtStartup = false)
@PageTitle("Segments | Heap sandbox")
@Menu(title = "Heap sandbox", order = 100, icon = "vaadin:flask")
@PermitAll
public class SandboxSegmentsView extends Composite<VerticalLayout> {

    private final SandboxExportService exports;
    private final Grid<SandboxSegment> segments = new Grid<>();
    private final ComboBox<SandboxEnvironment> environment = new ComboBox<>("Environment");

    SandboxSegmentsView(SandboxExportService exports, AuthenticationContext authentication) {
        this.exports = exports;
        boolean admin = authentication.hasRole("ADMIN");
        environment.setId("environment");
        environment.setItems(exports.environments());
        environment.setItemLabelGenerator(SandboxEnvironment::name);
        environment.addValueChangeListener(change -> refresh());

        segments.setId("segments");
        segments.addColumn(SandboxSegment::name).setHeader("Name").setAutoWidth(true);
        segments.addColumn(SandboxSegment::definition).setHeader("Definition").setFlexGrow(1);
        segments.addColumn(exports::userCount).setHeader("Users").setAutoWidth(true);
        segments.addColumn(segment -> exports.export(segment.id()).isPresent() ? "on" : "off")
                .setHeader("Audience Hub export").setAutoWidth(true);
        segments.addItemClickListener(click -> open(click.getItem()));

        Button create = new Button("New segment", click -> new NewSegmentDialog(exports,
                environment.getValue().id(), this::open).open());
        create.setId("new-segment");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        environment.addValueChangeListener(change -> create.setEnabled(admin && change.getValue() != null));
        if (!admin) {
            create.setTooltipText("Only an admin changes the sandbox");
        }
        HorizontalLayout toolbar = new HorizontalLayout(environment, create);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        getContent().add(new H2("Segments"), toolbar, segments);
        exports.environments().stream().findFirst().ifPresent(environment::setValue);
        create.setEnabled(admin && environment.getValue() != null);
    }

    private void refresh() {
        segments.setItems(environment.getValue() == null ? List.of()
                : exports.segments(environment.getValue().id()));
    }

    private void open(SandboxSegment segment) {
        getUI().ifPresent(ui -> ui.navigate(SandboxSegmentView.class,
                new RouteParameters("segmentId", String.valueOf(segment.id()))));
    }
}
