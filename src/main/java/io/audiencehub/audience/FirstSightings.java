package io.audiencehub.audience;

import io.audiencehub.visitor.VisitorFirstSeen;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Visitors seen for the first time, queued as the visitor registry announces them and counted into
 * the audiences holding them by the {@link AudienceLoop}. Sightings this queue misses (full queue,
 * another instance's sightings) are counted by the next {@link Reconciler} run.
 */
@Component
class FirstSightings {

    private static final Logger log = LoggerFactory.getLogger(FirstSightings.class);

    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(1_000_000);
    private final AudienceWriter writer;
    private final WriterElection election;

    FirstSightings(AudienceWriter writer, WriterElection election) {
        this.writer = writer;
        this.election = election;
    }

    @EventListener
    void onVisitorFirstSeen(VisitorFirstSeen sighting) {
        if (election.isWriter() && !queue.offer(sighting.visitorId())) {
            log.warn("First sightings queue full; visitor {} is counted at the next reconciliation", sighting.visitorId());
        }
    }

    /**
     * Counts the sightings queued so far. One call at a time, so that when it returns every sighting
     * queued before it is counted, even those a concurrent call had already taken.
     */
    synchronized void write() {
        List<String> drained = new ArrayList<>();
        queue.drainTo(drained);
        if (drained.isEmpty()) {
            return;
        }
        try {
            writer.recordKnownVisitors(drained);
        } catch (RuntimeException e) {
            log.error("Could not count {} first sightings; the next reconciliation counts them", drained.size(), e);
        }
    }
}
