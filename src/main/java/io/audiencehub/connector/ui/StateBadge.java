package io.audiencehub.connector.ui;

import com.vaadin.flow.component.html.Span;
import io.audiencehub.connector.ConnectorState;

/** A connector's state in words, as a coloured badge. */
public final class StateBadge {

    private StateBadge() {
    }

    public static Span of(ConnectorState state) {
        Span badge = new Span(label(state));
        badge.getElement().getThemeList().add(switch (state) {
            case VALIDATED -> "badge success";
            case FAILED -> "badge error";
            default -> "badge contrast";
        });
        badge.addClassName("connector-state");
        return badge;
    }

    public static String label(ConnectorState state) {
        return switch (state) {
            case PENDING_AUTHORIZATION -> "waiting for authorization";
            case VALIDATED -> "validated";
            case FAILED -> "failed";
            case DISCONNECTED -> "disconnected";
        };
    }
}
