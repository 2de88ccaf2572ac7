package io.audiencehub.audience;

import io.audiencehub.visitor.VisitorFirstSeen;
import io.audiencehub.visitor.VisitorService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * the audiences holding them by the {@link AudienceLoop}. The other hubs of a cluster announce theirs
 * only to themselves: the writer reads the visitors first seen lately from the registry every few
 * seconds. Sightings both miss (a full queue) are counted by the next {@link Reconciler} run.
 */
@Component
class FirstSightings {

    private static final Logger log = LoggerFactory.getLogger(FirstSightings.class);

    private static final Duration OTHER_HUBS_EVERY = Duration.ofSeconds(5);
    /** A report reaches the registry up to a flush interval after it was made, and hubs' clocks differ a little. */
    private static final Duration OTHER_HUBS_OVERLAP = Duration.ofSeconds(30);

    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(1_000_000);
    private final AudienceWriter writer;
    private final WriterElection election;
    private final AudienceStore store;
    private final MemberKeys keys;
    private final SuppressedKeys suppressed;
    private final VisitorService visitors;
    private final Clock clock;
    private Instant otherHubsCheckedAt;

    FirstSightings(AudienceWriter writer, WriterElection election, AudienceStore store, MemberKeys keys,
                   SuppressedKeys suppressed, VisitorService visitors, Clock clock) {
        this.suppressed = suppressed;
        this.writer = writer;
        this.election = election;
        this.store = store;
        this.keys = keys;
        this.visitors = visitors;
        this.clock = clock;
    }

    @EventListener
    void onVisitorFirstSeen(VisitorFirstSeen sighting) {
        if (election.isWriter() && !queue.offer(sighting.visitorId())) {
            // no visitor id in the log: ids are personal data and logs outlive an erasure
            log.warn("First sightings queue full; a visitor's first sighting is counted at the next reconciliation");
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

    /**
     * On the writer, every {@code OTHER_HUBS_EVERY}: counts the visitors first seen lately that are not
     * known yet, which other hubs saw first, and removes from the registry any of them that was erased.
     */
    synchronized void countOtherHubsSightings() {
        Instant now = clock.instant();
        if (otherHubsCheckedAt != null && now.isBefore(otherHubsCheckedAt.plus(OTHER_HUBS_EVERY))) {
            return;
        }
        Instant since = (otherHubsCheckedAt == null ? now : otherHubsCheckedAt).minus(OTHER_HUBS_OVERLAP);
        List<String> unknown = new ArrayList<>();
        List<String> erased = new ArrayList<>();
        visitors.forEachVisitorFirstSeenSince(since, visitorId -> {
            long key = keys.keyOf(visitorId);
            if (suppressed.contains(key)) {
                erased.add(visitorId);
            } else if (!store.isKnownVisitor(key)) {
                unknown.add(visitorId);
            }
        });
        // a hub that had not yet read the erasure stored a report of it: out again
        erased.forEach(visitors::forget);
        otherHubsCheckedAt = now;
        if (!unknown.isEmpty()) {
            writer.recordKnownVisitors(unknown);
        }
    }
}
