package io.audiencehub.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.SimpleApplicationEventMulticaster;

/** A screen follows the events it asked for while it is attached, and no others, and none once detached. */
class LiveUpdatesTest {

    record Watched(String text) {
    }

    record Other(String text) {
    }

    private final SimpleApplicationEventMulticaster events = new SimpleApplicationEventMulticaster();
    private final LiveUpdates live = new LiveUpdates(events);

    @BeforeEach
    void ui() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void anAttachedScreenFollowsItsEventsOnlyUntilItIsDetached() {
        Span screen = new Span();
        List<String> seen = new ArrayList<>();
        live.follow(screen, Watched.class, watched -> seen.add(watched.text()));

        publish(new Watched("before it is shown"));
        UI.getCurrent().add(screen);
        publish(new Watched("first"));
        publish(new Other("not followed"));
        UI.getCurrent().remove(screen);
        publish(new Watched("after it is gone"));
        UI.getCurrent().add(screen);
        publish(new Watched("shown again"));
        MockVaadin.clientRoundtrip();

        assertThat(seen).containsExactly("first", "shown again");
    }

    private void publish(Object event) {
        events.multicastEvent(new PayloadApplicationEvent<>(this, event));
    }
}
