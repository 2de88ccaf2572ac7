package io.audiencehub.overview;

import io.audiencehub.alert.OpenIncidentsChanged;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the open overviews to read the pipeline again, every 30 seconds and when an alert opens or
 * closes: they update by themselves.
 */
@Component
class OverviewTicks {

    private final ApplicationEventPublisher events;

    OverviewTicks(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Scheduled(fixedDelay = 30, initialDelay = 30, timeUnit = TimeUnit.SECONDS)
    void tick() {
        events.publishEvent(new OverviewTick());
    }

    @EventListener
    void onOpenIncidentsChanged(OpenIncidentsChanged changed) {
        tick();
    }
}
