package io.audiencehub.alert.ui;

import com.vaadin.flow.component.Component;
import io.audiencehub.alert.AlertService;
import io.audiencehub.base.ui.LiveUpdates;
import io.audiencehub.base.ui.NavbarItem;

/** Puts the alerts' bell in the shell's navbar. */
@org.springframework.stereotype.Component
class AlertNavbarItem implements NavbarItem {

    private final AlertService alerts;
    private final LiveUpdates live;

    AlertNavbarItem(AlertService alerts, LiveUpdates live) {
        this.alerts = alerts;
        this.live = live;
    }

    @Override
    public Component create() {
        return new AlertBell(alerts, live);
    }
}
