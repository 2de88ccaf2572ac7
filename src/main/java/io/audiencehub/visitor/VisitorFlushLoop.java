package io.audiencehub.visitor;

import io.audiencehub.base.BackgroundLoop;
import io.audiencehub.base.LoopOrder;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Writes buffered visitor reports every {@code flush-interval}. It starts before the web server and
 * stops after it, writing what is left, so every report the endpoint accepted is stored.
 */
@Component
class VisitorFlushLoop extends BackgroundLoop {

    private final VisitorService visitors;

    VisitorFlushLoop(VisitorService visitors, VisitorProperties settings, MeterRegistry metrics) {
        super("visitor-flush", settings.flushInterval(), LoopOrder.VISITOR_INTAKE, metrics);
        this.visitors = visitors;
    }

    @Override
    protected void runOnce() {
        visitors.flushAll();
    }

    @Override
    protected void afterLastRound() {
        visitors.flushAll();
    }
}
