package io.audiencehub.audience;

import io.audiencehub.audience.AudienceJournal.LoggedChange;
import io.audiencehub.audience.AudienceRepository.KeyChunk;
import io.audiencehub.audience.AudienceRepository.StoredMembers;
import io.audiencehub.audience.AudienceStore.Members;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps an instance that is not the writer up to date by following the {@link AudienceJournal}: it reads
 * only what the logged changes name (new member keys, the members of changed audiences, counts, newly
 * known visitors) and publishes them as the writer's commits did. When the log no longer reaches back
 * to its version, it reloads everything.
 */
@Component
class AudienceFollower {

    private static final Logger log = LoggerFactory.getLogger(AudienceFollower.class);

    private final AudienceRepository audiences;
    private final AudienceStore store;
    private final AudienceJournal journal;
    private final AudienceLoader loader;
    private final TransactionTemplate transaction;

    AudienceFollower(AudienceRepository audiences, AudienceStore store, AudienceJournal journal, AudienceLoader loader,
                     TransactionTemplate transaction) {
        this.audiences = audiences;
        this.store = store;
        this.journal = journal;
        this.loader = loader;
        this.transaction = transaction;
    }

    /** Brings memory to the version the database holds, if it is behind; returns the changes followed. */
    int follow() {
        Integer followed = transaction.execute(status -> {
            if (!store.isLoaded()) {
                loader.load();
                return 0;
            }
            long have = store.version();
            if (journal.version() == have) {
                return 0;
            }
            List<LoggedChange> changes = journal.since(have);
            if (changes.isEmpty() || changes.get(0).version() != have + 1) {
                log.warn("The audience change log no longer reaches back to version {}: reloading everything", have);
                loader.load();
                return 0;
            }
            publish(changes);
            return changes.size();
        });
        return followed == null ? 0 : followed;
    }

    private void publish(List<LoggedChange> changes) {
        TreeSet<Long> withNewMembers = new TreeSet<>();
        TreeSet<Long> withNewCounts = new TreeSet<>();
        RoaringBitmap newlyKnown = new RoaringBitmap();
        RoaringBitmap noLongerKnown = new RoaringBitmap();
        for (LoggedChange change : changes) {
            withNewMembers.addAll(change.audiencesWithNewMembers());
            withNewCounts.addAll(change.audiencesWithNewCounts());
            if (change.newlyKnown() != null) {
                RoaringBitmap known = Bitmaps.deserialize(change.newlyKnown());
                newlyKnown.or(known);
                noLongerKnown.andNot(known);
            }
            if (change.noLongerKnown() != null) {
                RoaringBitmap forgotten = Bitmaps.deserialize(change.noLongerKnown());
                noLongerKnown.or(forgotten);
                newlyKnown.andNot(forgotten);
            }
        }
        withNewCounts.removeAll(withNewMembers);
        List<KeyChunk> newKeys = new ArrayList<>();
        audiences.forEachKeyChunkFrom(store.nextSequence(), newKeys::add);
        List<StoredMembers> members = audiences.members(withNewMembers);
        Map<Long, Long> matched = audiences.matchedCounts(withNewCounts);
        long version = changes.get(changes.size() - 1).version();
        store.follow(staging -> {
            for (KeyChunk chunk : newKeys) {
                long[] keys = MemberKeys.decode(chunk.memberKeys());
                for (int i = 0; i < keys.length; i++) {
                    if (keys[i] == MemberKeys.ERASED) {
                        staging.skipErasedSequence();
                    } else if (staging.sequenceOf(keys[i]) != chunk.firstSeq() + i) {
                        throw new IllegalStateException("member key chunk " + chunk.firstSeq()
                                + " does not continue the keys in memory; the next load fixes it");
                    }
                }
            }
            members.forEach(stored -> staging.change(stored.audienceId(),
                    new Members(Bitmaps.deserialize(stored.bitmap()), stored.matchedCount())));
            matched.forEach((audienceId, count) -> staging.change(audienceId,
                    new Members(staging.members(audienceId).bitmap(), count)));
            newlyKnown.forEach((int sequence) -> staging.markKnown(sequence));
            noLongerKnown.forEach((int sequence) -> staging.forget(sequence));
            staging.committedAs(version);
        });
    }
}
