package io.audiencehub.segment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.Criterion.ExternalAudience;
import io.audiencehub.segment.ExternalData;
import io.audiencehub.segment.ExternalSource;
import io.audiencehub.segment.ReachEstimate;
import io.audiencehub.segment.Segment;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentException;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentPreview;
import io.audiencehub.segment.SegmentPreviews;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.segment.ui.BuilderTree.BuilderCondition;
import io.audiencehub.segment.ui.BuilderTree.BuilderGroup;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The segment builder: the criteria palette on the left, dragged into the segment in the middle,
 * its summary and reach on the right. A dropped criterion opens its form; conditions move between
 * groups by drag too.
 */
@Route("segments/:segmentId")
@PageTitle("Segment builder | Audience Hub")
@PermitAll
public class SegmentBuilderView extends Composite<HorizontalLayout> implements BeforeEnterObserver {

    public static final String NEW = "new";

    /** The segment's name, as the form binds it. */
    public static class Naming {
        private String name = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    private final SegmentService segments;
    private final SegmentPreviews previews;
    private final ExternalData externalData;
    private final boolean admin;
    private final VerticalLayout palette = new VerticalLayout();
    private final VerticalLayout canvas = new VerticalLayout();
    private final Paragraph summary = new Paragraph();
    private final Paragraph reach = new Paragraph();
    private final VerticalLayout warnings = new VerticalLayout();
    private final Binder<Naming> naming = new Binder<>(Naming.class);
    private final Map<String, List<Component>> paletteGroups = new LinkedHashMap<>();
    private BuilderTree tree;
    private Long segmentId;

    SegmentBuilderView(SegmentService segments, SegmentPreviews previews, ExternalData externalData,
                       AuthenticationContext authentication) {
        this.segments = segments;
        this.previews = previews;
        this.externalData = externalData;
        this.admin = authentication.hasRole("ADMIN");
        palette.setId("criteria-palette");
        palette.setWidth("16rem");
        palette.setPadding(false);
        canvas.setId("segment-canvas");
        canvas.addClassName("segment-canvas");
        summary.setId("segment-summary");
        reach.setId("reach-estimate");
        warnings.setId("segment-warnings");
        warnings.setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("segmentId").orElse(NEW);
        Naming name = new Naming();
        if (id.equals(NEW)) {
            segmentId = null;
            tree = BuilderTree.of(SegmentDefinition.empty());
        } else {
            Segment segment;
            try {
                segment = segments.find(Long.parseLong(id)).orElseThrow(NotFoundException::new);
            } catch (NumberFormatException e) {
                throw new NotFoundException();
            }
            segmentId = segment.id();
            tree = BuilderTree.of(segment.definition());
            name.setName(segment.name());
        }
        TextField nameField = new TextField("Name");
        nameField.setId("segment-name");
        nameField.setMaxLength(SegmentService.MAX_NAME_LENGTH);
        nameField.setWidthFull();
        naming.forField(nameField).asRequired("Give the segment a name.").bind(Naming::getName, Naming::setName);
        naming.setBean(name);

        buildPalette();
        VerticalLayout middle = new VerticalLayout(new H2(segmentId == null ? "New segment" : name.getName()),
                new Paragraph("Drag criteria from the left into the segment."), canvas);
        middle.setPadding(false);
        Button save = new Button("Save", click -> save());
        save.setId("save-segment");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(admin);
        List<String> usages = segmentId == null ? List.of() : segments.usages(segmentId);
        Paragraph usedBy = new Paragraph(usages.isEmpty() ? "No campaign targets it yet."
                : "Targeted by " + String.join(", ", usages) + ": it cannot be deleted while they do.");
        usedBy.setId("segment-used-by");
        VerticalLayout side = new VerticalLayout(nameField, new H3("Summary"), summary, new H3("Reach"), reach,
                warnings, new H3("Used by"), usedBy, save);
        side.setWidth("18rem");
        side.setPadding(false);
        // the side columns keep their width and the segment takes what is left, down to nothing,
        // so that the three fit from 1280 px wide with the menu open
        middle.setMinWidth("0");
        HorizontalLayout content = getContent();
        content.removeAll();
        content.setWidthFull();
        content.add(palette, middle, side);
        content.setFlexGrow(1, middle);
        content.setFlexShrink(0, palette, side);
        content.setPadding(true);
        refresh();
    }

    private void buildPalette() {
        palette.removeAll();
        paletteGroups.clear();
        TextField search = new TextField();
        search.setId("criteria-search");
        search.setPlaceholder("Search criteria");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.EAGER);
        palette.add(search);
        List<PaletteItem> items = new ArrayList<>();
        for (ExternalSource source : externalData.sources()) {
            items.add(new PaletteItem(CriterionType.EXTERNAL_AUDIENCE, source.connectorId(), source.label()));
        }
        for (CriterionType type : CriterionType.values()) {
            if (type != CriterionType.EXTERNAL_AUDIENCE) {
                items.add(new PaletteItem(type, 0, type.label));
            }
        }
        Map<String, VerticalLayout> groups = new LinkedHashMap<>();
        groups.put(CriterionType.EXTERNAL_AUDIENCE.group, new VerticalLayout());
        for (PaletteItem item : items) {
            VerticalLayout group = groups.computeIfAbsent(item.type().group, key -> new VerticalLayout());
            group.add(paletteEntry(item));
        }
        groups.forEach((name, entries) -> {
            entries.setPadding(false);
            entries.setSpacing(false);
            if (entries.getComponentCount() == 0) {
                entries.add(new Span("No validated connector yet."));
            }
            Details details = new Details(name, entries);
            details.setOpened(true);
            details.setId("palette-group-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
            palette.add(details);
            paletteGroups.put(name, entries.getChildren().toList());
        });
        search.addValueChangeListener(change -> filterPalette(change.getValue()));
    }

    private Component paletteEntry(PaletteItem item) {
        Div entry = new Div(VaadinIcon.GRID_SMALL_O.create(), new Span(item.label()));
        entry.addClassName("palette-item");
        entry.setId(item.type() == CriterionType.EXTERNAL_AUDIENCE ? "palette-external-" + item.connectorId()
                : "palette-" + item.type().id());
        DragSource<Div> drag = DragSource.create(entry);
        drag.setDragData(item);
        return entry;
    }

    private void filterPalette(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        paletteGroups.values().forEach(entries -> entries.forEach(entry -> entry.setVisible(wanted.isEmpty()
                || entry.getElement().getTextRecursively().toLowerCase(Locale.ROOT).contains(wanted))));
    }

    /** Shows the tree as it now is: one service call, whatever the segment's size. */
    private void refresh() {
        SegmentDefinition definition = tree.definition();
        SegmentPreview preview = previews.preview(definition);
        canvas.removeAll();
        canvas.add(groupEditor(tree.root, true, 0, preview.conditionTexts().iterator()));
        summary.setText(preview.summary());
        ReachEstimate estimate = preview.reach();
        reach.setText(estimate.knownVisitors() == null
                ? "Depends on the page: no EXTERNAL DATA criterion."
                : String.format(Locale.ENGLISH, "%,d known visitors match the EXTERNAL DATA part", estimate.knownVisitors())
                + (estimate.dependsOnPage() ? "; the other criteria depend on the page." : "."));
        warnings.removeAll();
        preview.warnings().forEach(warning -> {
            Span badge = new Span(warning);
            badge.getElement().getThemeList().add("badge error");
            badge.addClassName("segment-warning");
            warnings.add(badge);
        });
    }

    /** A group's editor; {@code conditionTexts} gives each condition's text, in the order the tree holds them. */
    private Component groupEditor(BuilderGroup group, boolean root, int index, Iterator<String> conditionTexts) {
        RadioButtonGroup<Combinator> combinator = new RadioButtonGroup<>();
        combinator.setId(root ? "root-combinator" : "group-combinator-" + index);
        combinator.setItems(Combinator.values());
        combinator.setItemLabelGenerator(value -> value == Combinator.ALL ? "All (and)" : "Some (or)");
        combinator.setValue(group.combinator);
        combinator.addValueChangeListener(change -> {
            group.combinator = change.getValue();
            refresh();
        });
        VerticalLayout box = new VerticalLayout(combinator);
        box.addClassName(root ? "criteria-root" : "criteria-group");
        int childIndex = 0;
        for (Object child : new ArrayList<>(group.children)) {
            String path = (root ? "" : index + "-") + childIndex++;
            box.add(child instanceof BuilderGroup inner ? groupEditor(inner, false, childIndex - 1, conditionTexts)
                    : conditionRow((BuilderCondition) child, path, conditionTexts.next()));
        }
        Div dropZone = new Div(new Span(root ? "Drop a criterion here" : "Drop a criterion into this group"));
        dropZone.setId(root ? "segment-drop-zone" : "group-drop-zone-" + index);
        dropZone.addClassName("drop-zone");
        DropTarget<Div> target = DropTarget.create(dropZone);
        target.addDropListener(drop -> drop.getDragData().ifPresent(data -> dropped(data, group)));
        box.add(dropZone);
        if (root) {
            Button addGroup = new Button("Add a group", VaadinIcon.PLUS.create(), click -> {
                group.children.add(new BuilderGroup(Combinator.SOME));
                refresh();
            });
            addGroup.setId("add-group");
            box.add(addGroup);
        } else {
            Button removeGroup = new Button("Remove group", click -> {
                tree.remove(group);
                refresh();
            });
            removeGroup.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            box.add(removeGroup);
        }
        return box;
    }

    private Component conditionRow(BuilderCondition condition, String path, String description) {
        Span text = new Span(description);
        text.addClassName("criterion-text");
        Checkbox negate = new Checkbox("is not", condition.negated);
        negate.setId("negate-" + path);
        negate.addValueChangeListener(change -> {
            condition.negated = change.getValue();
            refresh();
        });
        Button edit = new Button(VaadinIcon.EDIT.create(), click -> openForm(CriterionType.of(condition.criterion),
                condition.criterion instanceof ExternalAudience audience ? audience.connectorId() : 0,
                condition.criterion, criterion -> {
                    condition.criterion = criterion;
                    refresh();
                }));
        edit.setId("edit-" + path);
        edit.setAriaLabel("Edit");
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
            tree.remove(condition);
            refresh();
        });
        remove.setId("remove-" + path);
        remove.setAriaLabel("Remove");
        HorizontalLayout row = new HorizontalLayout(VaadinIcon.ARROWS.create(), text, negate, edit, remove);
        row.setId("criterion-" + path);
        row.addClassName("criterion-row");
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        DragSource<HorizontalLayout> drag = DragSource.create(row);
        drag.setDragData(condition);
        return row;
    }

    private void dropped(Object data, BuilderGroup group) {
        if (data instanceof BuilderCondition moved) {
            tree.move(moved, group);
            refresh();
        } else if (data instanceof PaletteItem item) {
            openForm(item.type(), item.connectorId(), null, criterion -> {
                group.children.add(new BuilderCondition(criterion, false));
                refresh();
            });
        }
    }

    private void openForm(CriterionType type, long connectorId, Criterion existing, Consumer<Criterion> done) {
        String title = type == CriterionType.EXTERNAL_AUDIENCE
                ? externalData.source(connectorId).map(ExternalSource::label).orElse("EXTERNAL DATA")
                : type.group + ": " + type.label;
        new CriterionDialog(type, title, existing, externalData, connectorId, done).open();
    }

    private void save() {
        if (!naming.validate().isOk()) {
            return;
        }
        try {
            Segment saved = segmentId == null ? segments.create(naming.getBean().getName(), tree.definition())
                    : segments.save(segmentId, naming.getBean().getName(), tree.definition());
            Notification.show("Segment \"" + saved.name() + "\" saved.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(SegmentBuilderView.class,
                    new RouteParameters("segmentId", String.valueOf(saved.id()))));
        } catch (SegmentException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
