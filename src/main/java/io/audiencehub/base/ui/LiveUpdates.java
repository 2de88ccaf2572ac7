package io.audiencehub.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * How a screen a person watches updates by itself (@Push): it follows an application event that a
 * service publishes, while it is attached, through Spring's own event multicaster; each event reaches
 * the screen in its UI's lock.
 */
@org.springframework.stereotype.Component
public class LiveUpdates {

    private final ApplicationEventMulticaster events;

    LiveUpdates(ApplicationEventMulticaster events) {
        this.events = events;
    }

    /**
     * Each time {@code screen} is attached, and until it is detached, {@code onEvent} runs for each
     * {@code type} published; call it once, when the screen is made.
     */
    public <E> void follow(Component screen, Class<E> type, Consumer<E> onEvent) {
        AtomicReference<Listener<E>> following = new AtomicReference<>();
        screen.addAttachListener(attach -> {
            UI ui = attach.getUI();
            Listener<E> listener = new Listener<>(type, event -> ui.access(() -> onEvent.accept(event)));
            events.addApplicationListener(listener);
            following.set(listener);
        });
        screen.addDetachListener(detach -> events.removeApplicationListener(following.getAndSet(null)));
    }

    private record Listener<E>(Class<E> type, Consumer<E> onEvent) implements GenericApplicationListener {

        @Override
        public boolean supportsEventType(ResolvableType eventType) {
            return PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass())
                    && (eventType.getGeneric(0).toClass() == Object.class
                    || type.isAssignableFrom(eventType.getGeneric(0).toClass()));
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> payload && type.isInstance(payload.getPayload())) {
                onEvent.accept(type.cast(payload.getPayload()));
            }
        }
    }
}
