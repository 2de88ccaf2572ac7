package io.audiencehub.visitor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Records {@link VisitorFirstSeen} events as the audience feature will consume them. */
@TestComponent
public class FirstSightingsForTests {

    final List<VisitorFirstSeen> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(VisitorFirstSeen event) {
        seen.add(event);
    }
}
