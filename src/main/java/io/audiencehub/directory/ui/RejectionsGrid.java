package io.audiencehub.directory.ui;

import com.vaadin.flow.component.grid.Grid;
import io.audiencehub.base.ui.Times;
import io.audiencehub.sync.SyncRejection;
import io.audiencehub.sync.SyncService;

/** Refused deliveries, newest first, loaded page by page. */
final class RejectionsGrid {

    private RejectionsGrid() {
    }

    static Grid<SyncRejection> of(SyncService sync, Long connectorId, String id) {
        Grid<SyncRejection> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(rejection -> Times.format(rejection.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(SyncRejection::status).setHeader("Answer").setAutoWidth(true);
        grid.addColumn(SyncRejection::idToken).setHeader("id_token").setAutoWidth(true);
        grid.addColumn(SyncRejection::reason).setHeader("Reason").setFlexGrow(1);
        grid.setItems(query -> sync.rejections(connectorId, query.getOffset(), query.getLimit()).stream());
        grid.setAllRowsVisible(false);
        grid.setHeight("16rem");
        return grid;
    }
}
