package io.audiencehub.connector.ui;

import com.vaadin.flow.component.html.Span;
import io.audiencehub.base.ui.Badge;
import io.audiencehub.connector.ConnectorState;

/** A connector's state in words, as a coloured badge. */
final class StateBadge {

    private StateBadge() {
    }

    static Span of(ConnectorState state) {
        return Badge.of(state.label(), switch (state) {
            case VALIDATED -> Badge.Tone.GOOD;
            case FAILED -> Badge.Tone.BAD;
            default -> Badge.Tone.QUIET;
        }, "connector-state");
    }
}
