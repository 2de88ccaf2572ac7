package io.audiencehub.directory.ui;

import com.vaadin.flow.component.html.Span;
import io.audiencehub.base.ui.Badge;
import io.audiencehub.directory.DirectoryEntry;

/** A connection's state and health in a word each, coloured, the health's reason as its tooltip. */
final class HealthBadge {

    private HealthBadge() {
    }

    static Span of(DirectoryEntry entry) {
        return Badge.of(entry.health().name().toLowerCase(), switch (entry.health()) {
            case HEALTHY -> Badge.Tone.GOOD;
            case FAILING -> Badge.Tone.BAD;
            case STALE -> Badge.Tone.NEUTRAL;
            case WAITING -> Badge.Tone.QUIET;
        }, "connection-health", entry.healthReason());
    }

    static Span stateOf(DirectoryEntry entry) {
        return Badge.of(entry.state(), entry.validated() ? Badge.Tone.GOOD : entry.failed() ? Badge.Tone.BAD
                : Badge.Tone.QUIET, "connector-state");
    }
}
