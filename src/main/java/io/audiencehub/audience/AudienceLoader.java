package io.audiencehub.audience;

import io.audiencehub.audience.AudienceStore.Members;
import io.audiencehub.visitor.VisitorService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the {@link AudienceStore} from the database: member keys, every audience's members and the
 * known visitors, read in one transaction so that they are of the same moment.
 */
@Component
class AudienceLoader {

    private static final Logger log = LoggerFactory.getLogger(AudienceLoader.class);

    private final AudienceRepository audiences;
    private final AudienceStore store;
    private final MemberKeys keys;
    private final VisitorService visitors;
    private final AudienceJournal journal;
    private final TransactionTemplate transaction;

    AudienceLoader(AudienceRepository audiences, AudienceStore store, MemberKeys keys, VisitorService visitors,
                   AudienceJournal journal, TransactionTemplate transaction) {
        this.audiences = audiences;
        this.journal = journal;
        this.store = store;
        this.keys = keys;
        this.visitors = visitors;
        this.transaction = transaction;
    }

    /**
     * Replaces what is in memory with what the database holds.
     *
     * @return the registry's visitors that have no number yet: their sightings were never counted
     */
    List<String> load() {
        return transaction.execute(status -> loadInTransaction());
    }

    private List<String> loadInTransaction() {
        long started = System.nanoTime();
        if (store.behind() != null) {
            // what memory holds is of no use, and a large audience would need its memory twice
            store.discard();
        }
        // read first, so that everything below is read in the snapshot of this version
        long version = journal.version();
        LongIntMap sequences = new LongIntMap(1 << 16);
        int[] nextSequence = {0};
        audiences.forEachKeyChunkFrom(0, chunk -> {
            long[] chunkKeys = MemberKeys.decode(chunk.memberKeys());
            for (int i = 0; i < chunkKeys.length; i++) {
                if (chunkKeys[i] != MemberKeys.ERASED) {
                    sequences.putNew(chunkKeys[i], chunk.firstSeq() + i);
                }
            }
            nextSequence[0] = Math.max(nextSequence[0], chunk.firstSeq() + chunkKeys.length);
        });
        Map<Long, Members> members = new HashMap<>();
        audiences.forEachMembers(stored -> members.put(stored.audienceId(),
                new Members(Bitmaps.deserialize(stored.bitmap()), stored.matchedCount())));
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
        store.reset(version, sequences, nextSequence[0], members, known);
        log.info("Loaded {} audiences, {} member keys ({} MB) and {} known visitors, {} of them in an audience"
                        + " (version {}) in {} ms", members.size(), sequences.size(), sequences.bytes() >> 20,
                store.knownCount(), store.indexedVisitors(), version, (System.nanoTime() - started) / 1_000_000);
        return unnumbered;
    }
}
