package io.audiencehub.audience;

import io.audiencehub.base.Workers;
import io.audiencehub.audience.AudienceStore.Members;
import io.audiencehub.audience.AudienceStore.Staging;
import io.audiencehub.connector.ConnectorUsage;
import io.audiencehub.visitor.VisitorFirstSeen;
import io.audiencehub.visitor.VisitorService;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audiences imported from providers and their counts. {@code member_count} and {@code matched_count}
 * (members who are known visitors) are kept exact incrementally: by every applied change and by every
 * first sighting of a visitor. {@link #reconcile()} recounts on a schedule and fixes any drift.
 */
@Service
public class AudienceService implements ConnectorUsage, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AudienceService.class);
    private static final int SIGHTINGS_PER_TRANSACTION = 10_000;

    private final AudienceRepository audiences;
    private final AudienceStore store;
    private final VisitorService visitors;
    private final TransactionTemplate transaction;
    private final BlockingQueue<String> firstSightings = new ArrayBlockingQueue<>(1_000_000);
    private final Object sightingsWrite = new Object();
    private final AudienceWriterLock writerLock;
    private volatile MemberKeys keys;
    private volatile boolean writer;
    private ScheduledExecutorService sightingsWriter;

    AudienceService(AudienceRepository audiences, AudienceStore store, AudienceWriterLock writerLock,
                    VisitorService visitors, TransactionTemplate transaction) {
        this.writerLock = writerLock;
        this.audiences = audiences;
        this.store = store;
        this.visitors = visitors;
        this.transaction = transaction;
    }

    /** How member ids become the keys that {@link AudienceChange} carries. */
    public MemberKeys memberKeys() {
        return keys;
    }

    /**
     * Applies one page of a segment sync inside the caller's transaction, creating the audience on its
     * first sync and following a renamed segment. Nothing is visible to others before the commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AppliedChange apply(AudienceChange change) {
        requireWriter();
        Staging staging = store.beginWrite();
        long audienceId = audiences.upsert(change.connectorId(), change.segmentId(), change.segmentName(), change.at());
        Members before = staging.members(audienceId);
        RoaringBitmap members = before.bitmap().clone();
        long matched = before.matched();
        long added = 0;
        long removed = 0;
        for (long key : change.addedKeys()) {
            int sequence = staging.sequenceOf(key);
            if (members.checkedAdd(sequence)) {
                added++;
                matched += staging.isKnown(sequence) ? 1 : 0;
            }
        }
        for (long key : change.removedKeys()) {
            int sequence = staging.existingSequenceOf(key);
            if (sequence != LongIntMap.ABSENT && members.checkedRemove(sequence)) {
                removed++;
                matched -= staging.isKnown(sequence) ? 1 : 0;
            }
        }
        members.runOptimize();
        staging.change(audienceId, new Members(members, matched));
        saveNewKeys(staging);
        audiences.saveMembers(audienceId, serialize(members), members.getLongCardinality(), matched);
        return new AppliedChange(audienceId, added, removed, change.addedKeys().length - added,
                change.removedKeys().length - removed, members.getLongCardinality(), matched);
    }

    /** Queued for the writer; another instance's sightings are counted by the writer's reconciliation. */
    @EventListener
    void onVisitorFirstSeen(VisitorFirstSeen sighting) {
        if (writer && !firstSightings.offer(sighting.visitorId())) {
            log.warn("First sightings queue full; visitor {} is counted at the next reconciliation", sighting.visitorId());
        }
    }

    /** Counts the members who just became known visitors into their audiences' matched counts. */
    public void recordKnownVisitors(Collection<String> visitorIds) {
        List<String> ids = new ArrayList<>(visitorIds);
        for (int from = 0; from < ids.size(); from += SIGHTINGS_PER_TRANSACTION) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + SIGHTINGS_PER_TRANSACTION));
            transaction.executeWithoutResult(status -> recordKnown(batch));
        }
    }

    private void recordKnown(List<String> visitorIds) {
        requireWriter();
        Staging staging = store.beginWrite();
        for (String visitorId : visitorIds) {
            int sequence = staging.sequenceOf(keys.keyOf(visitorId));
            if (!staging.isKnown(sequence)) {
                staging.markKnown(sequence);
            }
        }
        RoaringBitmap newlyKnown = staging.newlyKnown();
        if (!newlyKnown.isEmpty()) {
            store.audiences().forEach((audienceId, members) -> {
                int nowMatched = RoaringBitmap.andCardinality(members.bitmap(), newlyKnown);
                if (nowMatched > 0) {
                    Members counted = new Members(members.bitmap(), members.matched() + nowMatched);
                    staging.change(audienceId, counted);
                    audiences.saveCounts(audienceId, members.bitmap().getLongCardinality(), counted.matched());
                }
            });
        }
        saveNewKeys(staging);
    }

    /**
     * Recounts every audience from its members and the visitor registry and fixes any count that
     * drifted, logging each fix. Also counts visitors whose first sighting this feature missed.
     */
    public Reconciliation reconcile() {
        if (!writer) {
            log.info("Reconciliation skipped: another hub instance changes the audiences");
            return new Reconciliation(0, 0, 0);
        }
        List<String> missed = new ArrayList<>();
        visitors.forEachKnownVisitor(visitorId -> {
            if (!store.isKnownVisitor(keys.keyOf(visitorId))) {
                missed.add(visitorId);
            }
        });
        return recount(missed);
    }

    /** Counts the visitors whose sighting was missed, then recounts every audience and fixes drift. */
    private Reconciliation recount(List<String> missed) {
        if (!missed.isEmpty()) {
            log.warn("Reconciliation: {} known visitors had not been counted in matched counts", missed.size());
            recordKnownVisitors(missed);
        }
        int fixed = transaction.execute(status -> {
            Staging staging = store.beginWrite();
            Map<Long, Audience> stored = storedCounts();
            int drifted = 0;
            for (Map.Entry<Long, Members> entry : store.audiences().entrySet()) {
                long audienceId = entry.getKey();
                Members members = entry.getValue();
                long memberCount = members.bitmap().getLongCardinality();
                long matched = staging.recountMatched(members.bitmap());
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
        });
        int checked = store.audiences().size();
        log.info("Reconciliation checked {} audiences, fixed {}, counted {} missed visitors", checked, fixed,
                missed.size());
        return new Reconciliation(checked, fixed, missed.size());
    }

    private Map<Long, Audience> storedCounts() {
        Map<Long, Audience> stored = new HashMap<>();
        List<Long> ids = new ArrayList<>(store.audiences().keySet());
        for (int from = 0; from < ids.size(); from += 1_000) {
            stored.putAll(audiences.byIds(ids.subList(from, Math.min(ids.size(), from + 1_000))));
        }
        return stored;
    }

    @Scheduled(initialDelayString = "${audiencehub.audiences.reconcile-interval}",
            fixedDelayString = "${audiencehub.audiences.reconcile-interval}")
    void reconcileOnSchedule() {
        reconcile();
    }

    /**
     * On an instance that is not the writer, replaces what is in memory with what the writer stored,
     * read in one transaction so that keys, members and visitors are of the same moment. Lookups, reach
     * and evaluations on a standby are at most this old.
     */
    @Scheduled(initialDelayString = "${audiencehub.audiences.standby-refresh-interval}",
            fixedDelayString = "${audiencehub.audiences.standby-refresh-interval}")
    synchronized void refreshStandby() {
        if (!writer) {
            transaction.execute(status -> load());
        }
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Audience> find(long audienceId) {
        return audiences.find(audienceId);
    }

    /** A connector's audiences by name; with {@code onlyAvailable}, those with a matched member. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Audience> page(long connectorId, String nameContains, boolean onlyAvailable, int offset, int limit) {
        return audiences.page(connectorId, nameContains, onlyAvailable, offset, limit);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int count(long connectorId, String nameContains, boolean onlyAvailable) {
        return audiences.count(connectorId, nameContains, onlyAvailable);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, ConnectorAudiences> totals(Collection<Long> connectorIds) {
        Map<Long, ConnectorAudiences> totals = new HashMap<>();
        audiences.totals(connectorIds).forEach(total -> totals.put(total.connectorId(), total));
        return totals;
    }

    /** Is this visitor (as the provider sends its id) a member of the audience? */
    @PreAuthorize("isAuthenticated()")
    public MemberLookup lookup(long audienceId, String visitorId) {
        return store.lookup(audienceId, keys.keyOf(visitorId));
    }

    /** Whether a visitor is in an audience; targeting asks it for every decision, so it needs no sign-in. */
    public boolean isMember(long audienceId, String visitorId) {
        return store.lookup(audienceId, keys.keyOf(visitorId)).member();
    }

    /** How many known visitors the formula holds for, counted exactly on the members in memory. */
    @PreAuthorize("isAuthenticated()")
    public long knownVisitorsMatching(AudienceFormula formula) {
        return store.knownMatching(formula).getLongCardinality();
    }

    @Override
    public List<String> usagesOf(long connectorId) {
        int count = audiences.count(connectorId, "", false);
        return count == 0 ? List.of() : List.of(count == 1 ? "1 audience" : count + " audiences");
    }

    /** Loads members and visitors into memory, then writes first sightings in the background. */
    @Override
    public void start() {
        keys = transaction.execute(status -> new MemberKeys(audiences.salt()));
        if (!becomeWriterIfFree()) {
            log.warn("Another hub instance changes the audiences of this database: this one stores the deliveries"
                    + " it receives, which that instance applies, reloads what it stored every"
                    + " audiencehub.audiences.standby-refresh-interval, and takes over when it stops.");
            refreshStandby();
        }
        sightingsWriter = Workers.singleThread("audience-sightings");
        sightingsWriter.scheduleWithFixedDelay(() -> {
            if (becomeWriterIfFree()) {
                writeFirstSightings();
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        Workers.stop(sightingsWriter, Duration.ofSeconds(10));
        if (writer) {
            writeFirstSightings();
        }
        writerLock.release();
        writer = false;
        sightingsWriter = null;
    }

    /** Whether this instance changes audiences: only one instance per database does, the others wait. */
    public boolean isWriter() {
        return writer;
    }

    /**
     * Holds on to the writer lock, or takes it when it is free; on taking it, loads what the previous
     * writer left and recounts, so counts are exact from the first change on.
     */
    private synchronized boolean becomeWriterIfFree() {
        boolean holds = writerLock.acquire();
        if (holds && !writer) {
            writer = true;
            reload();
        } else if (!holds && writer) {
            log.error("This instance lost the audience writer lock (database connection lost); it stops applying");
            writer = false;
        }
        return holds;
    }

    @Override
    public boolean isRunning() {
        return sightingsWriter != null;
    }

    /** After the visitor registry starts and before anything that applies syncs or serves requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 3072;
    }

    /**
     * Writes the first sightings queued so far; the background writer calls it every half second. One
     * call at a time, so that when it returns every sighting queued before it is counted, even those the
     * background writer had already taken.
     */
    public void writeFirstSightings() {
        synchronized (sightingsWrite) {
            List<String> drained = new ArrayList<>();
            firstSightings.drainTo(drained);
            if (drained.isEmpty()) {
                return;
            }
            try {
                recordKnownVisitors(drained);
            } catch (RuntimeException e) {
                log.error("Could not count {} first sightings; the next reconciliation counts them", drained.size(), e);
            }
        }
    }

    /** Replaces what is in memory with what the database holds and recounts, as at start. */
    void reload() {
        recount(load());
    }

    /** Returns the registry's visitors that have no number yet: their sightings were never counted. */
    private List<String> load() {
        long started = System.nanoTime();
        LongIntMap sequences = new LongIntMap(1 << 16);
        int[] nextSequence = {0};
        audiences.forEachKeyChunk(chunk -> {
            long[] chunkKeys = MemberKeys.decode(chunk.memberKeys());
            for (int i = 0; i < chunkKeys.length; i++) {
                sequences.putNew(chunkKeys[i], chunk.firstSeq() + i);
            }
            nextSequence[0] = Math.max(nextSequence[0], chunk.firstSeq() + chunkKeys.length);
        });
        Map<Long, Members> members = new HashMap<>();
        audiences.forEachMembers(stored -> members.put(stored.audienceId(),
                new Members(deserialize(stored.bitmap()), stored.matchedCount())));
        RoaringBitmap known = new RoaringBitmap();
        List<String> unnumbered = new ArrayList<>();
        visitors.forEachKnownVisitor(visitorId -> {
            int sequence = sequences.get(keys.keyOf(visitorId));
            if (sequence == LongIntMap.ABSENT) {
                unnumbered.add(visitorId);
            } else {
                known.add(sequence);
            }
        });
        store.reset(sequences, nextSequence[0], members, known);
        log.info("Loaded {} audiences, {} member keys and {} known visitors in {} ms", members.size(),
                store.keyCount(), store.knownCount(), (System.nanoTime() - started) / 1_000_000);
        return unnumbered;
    }

    private void requireWriter() {
        if (!writer) {
            throw new IllegalStateException("Another hub instance changes the audiences of this database");
        }
    }

    private void saveNewKeys(Staging staging) {
        long[] newKeys = staging.newKeys();
        if (newKeys.length > 0) {
            audiences.insertKeyChunk(staging.firstNewSequence(), newKeys);
        }
    }

    private static byte[] serialize(RoaringBitmap bitmap) {
        ByteBuffer buffer = ByteBuffer.allocate(bitmap.serializedSizeInBytes());
        bitmap.serialize(buffer);
        return buffer.array();
    }

    private static RoaringBitmap deserialize(byte[] bytes) {
        RoaringBitmap bitmap = new RoaringBitmap();
        try {
            bitmap.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("a stored audience bitmap cannot be read", e);
        }
        return bitmap;
    }
}
