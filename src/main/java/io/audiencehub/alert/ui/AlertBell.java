package io.audiencehub.alert.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.audiencehub.alert.AlertService;
import io.audiencehub.alert.Incident;
import io.audiencehub.alert.OpenIncidentsChanged;
import io.audiencehub.base.ui.LiveUpdates;
import io.audiencehub.base.ui.Times;
import java.util.List;

/**
 * The navbar's bell: how many incidents are open, kept up to date by push, and on a click the list of
 * open and recent incidents.
 */
class AlertBell extends Composite<Button> {

    private static final int RECENT = 50;

    private final AlertService alerts;
    private final Span count = new Span();

    AlertBell(AlertService alerts, LiveUpdates live) {
        this.alerts = alerts;
        Button bell = getContent();
        bell.setId("alert-bell");
        bell.setIcon(VaadinIcon.BELL.create());
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        count.setId("alert-count");
        count.getElement().getThemeList().add("badge error pill small");
        bell.setSuffixComponent(count);
        bell.addClickListener(click -> showList());
        live.follow(this, OpenIncidentsChanged.class, changed -> show(changed.open()));
        addAttachListener(attach -> show(alerts.open()));
    }

    private void show(List<Incident> open) {
        count.setText(String.valueOf(open.size()));
        count.setVisible(!open.isEmpty());
        getContent().setAriaLabel(open.isEmpty() ? "Show alerts (none open)" : "Show alerts (" + open.size() + " open)");
        getContent().setTooltipText(open.isEmpty() ? "No open alert" : open.size() + " open alerts");
    }

    private void showList() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Alerts");
        Grid<Incident> grid = new Grid<>();
        grid.setId("alert-list");
        grid.addColumn(incident -> incident.resolvedAt() == null ? "open" : "resolved " + Times.format(incident.resolvedAt()))
                .setHeader("State").setAutoWidth(true);
        grid.addColumn(Incident::summary).setHeader("Incident").setFlexGrow(1);
        grid.addColumn(incident -> Times.format(incident.openedAt())).setHeader("Since").setAutoWidth(true);
        grid.setItems(alerts.recent(0, RECENT));
        grid.setWidth("56rem");
        dialog.add(new Paragraph("Open incidents first, then the latest resolved. A configured webhook is told of"
                + " each once when it opens and once when it is resolved."), grid);
        Button close = new Button("Close", event -> dialog.close());
        close.setId("alert-list-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

}
