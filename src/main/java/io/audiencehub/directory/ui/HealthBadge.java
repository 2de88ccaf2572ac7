package io.audiencehub.directory.ui;

import com.vaadin.flow.component.html.Span;
import io.audiencehub.sync.ConnectorSyncStatus;

/** A connection's health in a word, coloured, with the reason as its tooltip. */
final class HealthBadge {

    private HealthBadge() {
    }

    static Span of(ConnectorSyncStatus status) {
        Span badge = new Span(status.health().name().toLowerCase());
        badge.getElement().getThemeList().add(switch (status.health()) {
            case HEALTHY -> "badge success";
            case FAILING -> "badge error";
            case STALE -> "badge";
            case WAITING -> "badge contrast";
        });
        badge.getElement().setAttribute("title", status.healthReason());
        badge.addClassName("connection-health");
        return badge;
    }
}
