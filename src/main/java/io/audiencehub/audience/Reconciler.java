package io.audiencehub.audience;

import io.audiencehub.audience.AudienceStore.Members;
import io.audiencehub.audience.AudienceStore.Staging;
import io.audiencehub.visitor.VisitorService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recounts every audience from its members and the visitor registry and fixes any count that
 * drifted, logging each fix; also counts visitors whose first sighting was missed, and stops counting
 * those the registry no longer holds (forgotten after its retention). Runs on the writer
 * at every takeover and every {@code audiencehub.audiences.reconcile-interval}.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final int AUDIENCES_PER_QUERY = 1_000;

    private final AudienceRepository audiences;
    private final AudienceStore store;
    private final MemberKeys keys;
    private final AudienceWriter writer;
    private final WriterElection election;
    private final VisitorService visitors;
    private final TransactionTemplate transaction;

    Reconciler(AudienceRepository audiences, AudienceStore store, MemberKeys keys, AudienceWriter writer,
               WriterElection election, VisitorService visitors, TransactionTemplate transaction) {
        this.audiences = audiences;
        this.store = store;
        this.keys = keys;
        this.writer = writer;
        this.election = election;
        this.visitors = visitors;
        this.transaction = transaction;
    }

    @Scheduled(initialDelayString = "${audiencehub.audiences.reconcile-interval}",
            fixedDelayString = "${audiencehub.audiences.reconcile-interval}")
    Reconciliation reconcile() {
        if (!election.isWriter()) {
            log.info("Reconciliation skipped: another hub instance changes the audiences");
            return new Reconciliation(0, 0, 0, 0);
        }
        // known before the registry is read: a visitor counted meanwhile was stored before it was counted
        RoaringBitmap unregistered = store.knownVisitors();
        List<String> missed = new ArrayList<>();
        visitors.forEachKnownVisitor(visitorId -> {
            int sequence = store.knownSequenceOf(keys.keyOf(visitorId));
            if (sequence == LongIntMap.ABSENT) {
                missed.add(visitorId);
            } else {
                unregistered.remove(sequence);
            }
        });
        return recount(missed, unregistered);
    }

    /**
     * Counts the visitors whose sighting was missed, stops counting those the registry no longer holds,
     * then recounts every audience and fixes drift.
     */
    Reconciliation recount(List<String> missed, RoaringBitmap unregistered) {
        if (!missed.isEmpty()) {
            log.warn("Reconciliation: {} known visitors had not been counted in matched counts", missed.size());
            writer.recordKnownVisitors(missed);
        }
        int fixed = transaction.execute(status -> fixDrift(unregistered));
        int checked = store.audiences().size();
        log.info("Reconciliation checked {} audiences, fixed {}, counted {} missed visitors, forgot {}", checked,
                fixed, missed.size(), unregistered.getCardinality());
        return new Reconciliation(checked, fixed, missed.size(), unregistered.getCardinality());
    }

    private int fixDrift(RoaringBitmap unregistered) {
        Staging staging = writer.beginWrite();
        unregistered.forEach((int sequence) -> staging.forget(sequence));
        RoaringBitmap known = staging.knownAfter();
        Map<Long, Audience> stored = storedCounts();
        int drifted = 0;
        for (Map.Entry<Long, Members> entry : store.audiences().entrySet()) {
            long audienceId = entry.getKey();
            Members members = entry.getValue();
            long memberCount = members.bitmap().getLongCardinality();
            long matched = RoaringBitmap.andCardinality(members.bitmap(), known);
            Audience row = stored.get(audienceId);
            if (row == null) {
                continue;
            }
            if (row.memberCount() != memberCount || row.matchedCount() != matched || members.matched() != matched) {
                log.warn("Reconciliation fixed audience {} ({}): members {} -> {}, matched {} -> {}",
                        audienceId, row.name(), row.memberCount(), memberCount, row.matchedCount(), matched);
                audiences.saveCounts(audienceId, memberCount, matched);
                staging.change(audienceId, new Members(members.bitmap(), matched));
                drifted++;
            }
        }
        return drifted;
    }

    private Map<Long, Audience> storedCounts() {
        Map<Long, Audience> stored = new HashMap<>();
        List<Long> ids = new ArrayList<>(store.audiences().keySet());
        for (int from = 0; from < ids.size(); from += AUDIENCES_PER_QUERY) {
            stored.putAll(audiences.byIds(ids.subList(from, Math.min(ids.size(), from + AUDIENCES_PER_QUERY))));
        }
        return stored;
    }
}
