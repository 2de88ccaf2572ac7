package io.audiencehub.directory.ui;

import com.vaadin.flow.component.grid.Grid;
import io.audiencehub.base.ui.Times;
import io.audiencehub.directory.DirectoryService;
import io.audiencehub.directory.RefusedDelivery;

/** Refused deliveries counted per minute, newest first, loaded page by page. */
final class RejectionsGrid {

    private RejectionsGrid() {
    }

    static Grid<RefusedDelivery> of(DirectoryService directory, Long connectorId, String id) {
        Grid<RefusedDelivery> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(refused -> Times.format(refused.lastAt())).setHeader("Last").setAutoWidth(true);
        grid.addColumn(RefusedDelivery::refusals).setHeader("Refused").setAutoWidth(true).setKey("refusals");
        grid.addColumn(RefusedDelivery::status).setHeader("Answer").setAutoWidth(true);
        grid.addColumn(RefusedDelivery::idToken).setHeader("id_token").setAutoWidth(true);
        grid.addColumn(RefusedDelivery::clientAddress).setHeader("From").setAutoWidth(true);
        grid.addColumn(RefusedDelivery::reason).setHeader("Reason (first of the minute)").setFlexGrow(1);
        grid.setItems(query -> directory.refusedDeliveries(connectorId, query.getOffset(), query.getLimit()).stream());
        grid.setAllRowsVisible(false);
        grid.setHeight("16rem");
        return grid;
    }
}
