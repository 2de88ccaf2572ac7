package io.audiencehub.directory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.audiencehub.base.ui.EmptyState;
import io.audiencehub.base.ui.Times;
import io.audiencehub.directory.ConnectionAudience;
import io.audiencehub.directory.DirectoryService;
import io.audiencehub.directory.ManualOverride;
import io.audiencehub.directory.ManualOverrides;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * An audience's manual includes and excludes: the ids an admin keeps always in or always out of it whatever its
 * source sends, apart from the synced members but counted with them. Admins paste ids to add or remove; viewers
 * see how many there are and the audit.
 */
class OverridesSection extends Composite<VerticalLayout> {

    /** The audit entries shown, the latest first. */
    private static final int AUDITED = 20;

    private final DirectoryService directory;
    private final long audienceId;
    private final Paragraph counts = new Paragraph();
    private final Grid<ManualOverride> grid = new Grid<>();
    private final UnorderedList audit = new UnorderedList();
    private final Span result = new Span();

    OverridesSection(DirectoryService directory, long audienceId, boolean admin) {
        this.directory = directory;
        this.audienceId = audienceId;
        counts.setId("override-counts");
        result.setId("override-result");
        audit.setId("override-audit");
        getContent().setPadding(false);
        getContent().add(new H4("Always in and always out"), counts);
        if (admin) {
            getContent().add(editor(), result, overrides());
        }
        getContent().add(audit);
        refresh();
    }

    private Component editor() {
        TextArea ids = new TextArea("Ids, one per line, as the source sends them (up to 10,000 at a time)");
        ids.setId("override-ids");
        ids.setWidth("32rem");
        ids.setMaxHeight("12rem");
        Button in = new Button("Keep always in", click -> change(() -> directory.keepAlways(audienceId, true,
                idsOf(ids.getValue())), ids));
        in.setId("keep-always-in");
        Button out = new Button("Keep always out", click -> change(() -> directory.keepAlways(audienceId, false,
                idsOf(ids.getValue())), ids));
        out.setId("keep-always-out");
        Button back = new Button("Give back to the source", click -> change(() -> directory.stopOverriding(audienceId,
                idsOf(ids.getValue())), ids));
        back.setId("stop-overriding");
        back.setAriaLabel("Stop overriding these ids: the source decides again");
        HorizontalLayout buttons = new HorizontalLayout(in, out, back);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout editor = new VerticalLayout(ids, buttons);
        editor.setPadding(false);
        return editor;
    }

    private Grid<ManualOverride> overrides() {
        grid.setId("overrides");
        grid.addColumn(ManualOverride::visitorId).setHeader("Id").setKey("id").setFlexGrow(1)
                .setTooltipGenerator(ManualOverride::visitorId);
        grid.addColumn(override -> override.alwaysIn() ? "always in" : "always out").setHeader("Kept")
                .setKey("rule").setAutoWidth(true);
        grid.addColumn(OverridesSection::source).setHeader("The source has it").setKey("source").setAutoWidth(true);
        grid.addColumn(override -> override.pending() ? "applying" : "applied").setHeader("State").setKey("state")
                .setAutoWidth(true);
        grid.addColumn(override -> override.changedBy() + ", " + Times.format(override.changedAt()))
                .setHeader("Changed").setAutoWidth(true);
        grid.addComponentColumn(this::giveBack).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateComponent(EmptyState.of("No id is kept in or out by hand: the source decides for all.",
                null));
        grid.setHeight("14rem");
        return grid;
    }

    private Button giveBack(ManualOverride override) {
        Button back = new Button("Give back", click -> change(() -> directory.stopOverriding(audienceId,
                List.of(override.visitorId())), null));
        back.setAriaLabel("Stop keeping " + override.visitorId() + (override.alwaysIn() ? " always in" : " always out"));
        back.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    private void change(Supplier<String> change, TextArea ids) {
        try {
            result.setText(change.get());
            result.getElement().setAttribute("role", "status");
            if (ids != null) {
                ids.clear();
            }
        } catch (IllegalArgumentException e) {
            result.setText(e.getMessage());
            result.getElement().setAttribute("role", "alert");
        }
        refresh();
    }

    private void refresh() {
        ManualOverrides kept = directory.overrideCounts(audienceId);
        ConnectionAudience audience = directory.audience(audienceId).orElse(null);
        counts.setText(audience == null ? "" : String.format(Locale.ROOT, "%,d members (%,d matched to known visitors),"
                        + " %,d of them kept always in by hand; %s kept always out.", audience.memberCount(),
                audience.matchedCount(), kept.alwaysIn(), kept.alwaysOut() == 1 ? "1 id"
                        : String.format(Locale.ROOT, "%,d ids", kept.alwaysOut())));
        grid.setItems(query -> directory.overrides(audienceId, query.getOffset(), query.getLimit()).stream());
        audit.removeAll();
        directory.overrideAudit(audienceId, AUDITED).forEach(entry -> audit.add(new ListItem(entry)));
    }

    private static String source(ManualOverride override) {
        return override.sourceHolds() == null ? "not yet known" : override.sourceHolds() ? "yes" : "no";
    }

    private static List<String> idsOf(String pasted) {
        return pasted.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
