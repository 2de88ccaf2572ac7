package io.audiencehub.audience;

import com.carrotsearch.hppc.LongArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every audience's members, the sequence numbers of member keys and the set of known visitors, in
 * memory. One writer at a time changes it, inside a database transaction: the writer stages its
 * changes, the transaction writes them, and only a commit publishes them here, so a failed write
 * leaves memory exactly as the database is. Readers wait only while a commit publishes, never for a
 * writer's whole transaction.
 */
@Component
class AudienceStore {

    record Members(RoaringBitmap bitmap, long matched) {
    }

    record NewKeys(int firstSequence, long[] keys) {
    }

    /** A change refused because memory is behind the database until the next reload. */
    static final class Behind extends IllegalStateException {
        Behind(String reason) {
            super("The audiences in memory are behind the database (" + reason + "): they are being reloaded,"
                    + " and this change is tried again after. Nothing of it was written.");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AudienceStore.class);

    /** Held by the one writer from its first change to its transaction's end. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Keeps readers out while a commit or a reload replaces what they read. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, Members> audiences = new ConcurrentHashMap<>();
    private AudiencesOfKnownVisitors audiencesOfKnown = AudiencesOfKnownVisitors.of(Map.of(), new RoaringBitmap());
    private LongIntMap sequences = new LongIntMap(1 << 16);
    private int nextSequence;
    private RoaringBitmap known = new RoaringBitmap();
    private volatile long version;
    private volatile boolean loaded;
    private volatile String behind;

    /** Changes made by the writer holding the lock, published on commit. */
    final class Staging {
        private final LongIntMap newSequences = new LongIntMap(1 << 10);
        private final LongArrayList newKeys = new LongArrayList();
        private final int firstNewSequence = nextSequence;
        private final Map<Long, Members> changedAudiences = new HashMap<>();
        private final RoaringBitmap newlyKnown = new RoaringBitmap();
        private final RoaringBitmap noLongerKnown = new RoaringBitmap();
        private final long baseVersion = version;
        private int savedKeys;
        private long committedVersion = version;

        /** The key's sequence number, or a new one staged for it. */
        int sequenceOf(long key) {
            int sequence = existingSequenceOf(key);
            if (sequence != LongIntMap.ABSENT) {
                return sequence;
            }
            sequence = firstNewSequence + newKeys.size();
            newSequences.putNew(key, sequence);
            newKeys.add(key);
            return sequence;
        }

        /** Takes the next number for a key erased before this hub read its chunk: the number stays taken. */
        void skipErasedSequence() {
            newKeys.add(MemberKeys.ERASED);
        }

        /** The key's sequence number, or {@link LongIntMap#ABSENT} when no audience or visitor ever had it. */
        int existingSequenceOf(long key) {
            int sequence = sequences.get(key);
            return sequence != LongIntMap.ABSENT ? sequence : newSequences.get(key);
        }

        boolean isKnown(int sequence) {
            return (known.contains(sequence) || newlyKnown.contains(sequence)) && !noLongerKnown.contains(sequence);
        }

        void markKnown(int sequence) {
            newlyKnown.add(sequence);
            noLongerKnown.remove(sequence);
        }

        /** The member is no longer a known visitor: it was erased. */
        void forget(int sequence) {
            noLongerKnown.add(sequence);
            newlyKnown.remove(sequence);
        }

        RoaringBitmap noLongerKnown() {
            return noLongerKnown;
        }

        RoaringBitmap newlyKnown() {
            return newlyKnown;
        }

        /** The known visitors as they will be once this staging is published. */
        RoaringBitmap knownAfter() {
            return RoaringBitmap.andNot(RoaringBitmap.or(known, newlyKnown), noLongerKnown);
        }

        Members members(long audienceId) {
            Members staged = changedAudiences.get(audienceId);
            return staged != null ? staged : audiences.getOrDefault(audienceId, new Members(new RoaringBitmap(), 0));
        }

        void change(long audienceId, Members members) {
            changedAudiences.put(audienceId, members);
        }

        /** The keys numbered since the last call, to be stored: their first number and the keys in order. */
        NewKeys unsavedKeys() {
            NewKeys unsaved = new NewKeys(firstNewSequence + savedKeys,
                    Arrays.copyOfRange(newKeys.buffer, savedKeys, newKeys.size()));
            savedKeys = newKeys.size();
            return unsaved;
        }

        /** Whether there is anything to write: changed audiences, new keys or newly known visitors. */
        boolean hasChanges() {
            return !changedAudiences.isEmpty() || !newKeys.isEmpty() || !newlyKnown.isEmpty()
                    || !noLongerKnown.isEmpty();
        }

        /** The audiences whose members changed, not only their counts. */
        List<Long> audiencesWithNewMembers() {
            return changedAudiences.entrySet().stream().filter(change -> membersChanged(change.getKey(), change.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
        }

        /** The audiences of which only the counts changed. */
        List<Long> audiencesWithNewCounts() {
            return changedAudiences.entrySet().stream().filter(change -> !membersChanged(change.getKey(), change.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
        }

        private boolean membersChanged(long audienceId, Members after) {
            Members before = audiences.get(audienceId);
            return before == null || before.bitmap() != after.bitmap();
        }

        /** The version the database held when this change began: the one in memory then. */
        long baseVersion() {
            return baseVersion;
        }

        /** The version of the audiences once this change is published. */
        void committedAs(long committed) {
            committedVersion = committed;
        }

        /** The newly numbered keys, in sequence order. */
        long[] newKeys() {
            return newKeys.toArray();
        }
    }

    /**
     * Takes the writer's lock until the current transaction completes, and returns the staging area
     * whose changes the commit publishes: the same one for every change the transaction makes. Before the
     * commit, {@code beforeCommit} writes down what changed (in the same transaction).
     */
    Staging beginWrite(Consumer<Staging> beforeCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("audience changes are written inside a transaction");
        }
        if (TransactionSynchronizationManager.getResource(this) instanceof Staging begun) {
            return begun;
        }
        writing.lock();
        if (behind != null) {
            writing.unlock();
            throw new Behind(behind);
        }
        Staging staging = new Staging();
        TransactionSynchronizationManager.bindResource(this, staging);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (staging.hasChanges()) {
                    beforeCommit.accept(staging);
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AudienceStore.this);
                try {
                    if (status == STATUS_COMMITTED) {
                        publishWhileReadersWait(staging);
                    } else if (status == STATUS_UNKNOWN && staging.hasChanges()) {
                        fellBehind("the database did not say whether a change of the audiences was committed", null);
                    }
                } finally {
                    writing.unlock();
                }
            }
        });
        return staging;
    }

    /**
     * Publishes changes another instance committed, staged by {@code changes} as that instance staged
     * them: new keys in their order, changed audiences, newly known visitors, and their version.
     */
    void follow(Consumer<Staging> changes) {
        writing.lock();
        try {
            Staging staging = new Staging();
            changes.accept(staging);
            publishWhileReadersWait(staging);
        } finally {
            writing.unlock();
        }
    }

    // package-private, so that a test can make it fail as a lack of memory did
    void publish(Staging staging) {
        long[] keys = staging.newKeys();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != MemberKeys.ERASED) {
                sequences.putNew(keys[i], staging.firstNewSequence + i);
            }
        }
        nextSequence = staging.firstNewSequence + keys.length;
        RoaringBitmap becameKnown = RoaringBitmap.andNot(staging.newlyKnown, known);
        known.or(staging.newlyKnown);
        known.andNot(staging.noLongerKnown);
        audiencesOfKnown.forget(staging.noLongerKnown);
        staging.changedAudiences.forEach((audienceId, after) -> {
            Members before = audiences.get(audienceId);
            audiencesOfKnown.change(audienceId, before == null ? new RoaringBitmap() : before.bitmap(), after.bitmap(),
                    known);
        });
        audiences.putAll(staging.changedAudiences);
        audiencesOfKnown.becameKnown(becameKnown, audiences);
        version = staging.committedVersion;
    }

    /**
     * Publishes a committed change. Whatever stops it half way (a lack of memory included) leaves memory
     * behind the database: the store says so, refuses further changes and the writer reloads it, instead
     * of numbering keys the database already holds for ever.
     */
    private void publishWhileReadersWait(Staging staging) {
        lock.writeLock().lock();
        try {
            publish(staging);
        } catch (Throwable e) {
            fellBehind("publishing committed version " + staging.committedVersion + " failed", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Memory no longer is what the database holds; {@link #behind()} says why until the next reload. */
    void fellBehind(String reason, Throwable cause) {
        if (behind == null) {
            behind = reason;
            log.error("The audiences in memory fell behind the database: {}. No audience changes until they are"
                    + " reloaded, which the audience writer does next.", reason, cause);
        }
    }

    /** Why memory is behind the database, or null when it is not. */
    String behind() {
        return behind;
    }

    /**
     * Drops what is in memory before a reload, so that the reload does not need the memory of both:
     * until it ends, audiences are not loaded and targeting answers without them.
     */
    void discard() {
        writing.lock();
        lock.writeLock().lock();
        try {
            loaded = false;
            sequences = new LongIntMap(1 << 16);
            audiences.clear();
            audiencesOfKnown = AudiencesOfKnownVisitors.of(Map.of(), new RoaringBitmap());
            known = new RoaringBitmap();
        } finally {
            lock.writeLock().unlock();
            writing.unlock();
        }
    }

    /** Replaces everything with what was loaded from the database, as of {@code loadedVersion}. */
    void reset(long loadedVersion, LongIntMap loadedSequences, int loadedNextSequence,
               Map<Long, Members> loadedAudiences, RoaringBitmap loadedKnown) {
        AudiencesOfKnownVisitors loadedAudiencesOfKnown = AudiencesOfKnownVisitors.of(loadedAudiences, loadedKnown);
        writing.lock();
        lock.writeLock().lock();
        try {
            sequences = loadedSequences;
            nextSequence = loadedNextSequence;
            audiences.clear();
            audiences.putAll(loadedAudiences);
            audiencesOfKnown = loadedAudiencesOfKnown;
            known = loadedKnown;
            version = loadedVersion;
            loaded = true;
            behind = null;
        } finally {
            lock.writeLock().unlock();
            writing.unlock();
        }
    }

    /** The version of the audiences in memory: the database's, as of the last load, commit or change followed. */
    long version() {
        return version;
    }

    /** The number the next new member key gets. */
    int nextSequence() {
        lock.readLock().lock();
        try {
            return nextSequence;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether what the database holds was loaded: before, every audience would look empty. */
    boolean isLoaded() {
        return loaded;
    }

    /** The number audiences give the member key, or {@link LongIntMap#ABSENT} when no audience ever held it. */
    int sequenceOf(long key) {
        lock.readLock().lock();
        try {
            return sequences.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether the member key is in the audience and whether it is a known visitor. */
    MemberLookup lookup(long audienceId, long key) {
        lock.readLock().lock();
        try {
            int sequence = sequences.get(key);
            Members members = audiences.get(audienceId);
            boolean member = sequence != LongIntMap.ABSENT && members != null && members.bitmap().contains(sequence);
            return new MemberLookup(member, sequence != LongIntMap.ABSENT && known.contains(sequence));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The ids of the audiences the key is in, ascending; the array may be shared, so never to be changed.
     * A known visitor's are looked up at once; a member the tag never reported is searched for in every
     * audience.
     */
    long[] audiencesOf(long key) {
        lock.readLock().lock();
        try {
            int sequence = sequences.get(key);
            if (sequence == LongIntMap.ABSENT) {
                return AudiencesOfKnownVisitors.NONE;
            }
            if (known.contains(sequence)) {
                return audiencesOfKnown.of(sequence);
            }
            return audiences.entrySet().stream().filter(audience -> audience.getValue().bitmap().contains(sequence))
                    .mapToLong(Map.Entry::getKey).sorted().toArray();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The member number of a known visitor, or {@link LongIntMap#ABSENT} when the key is no known visitor. */
    int knownSequenceOf(long key) {
        lock.readLock().lock();
        try {
            int sequence = sequences.get(key);
            return sequence != LongIntMap.ABSENT && known.contains(sequence) ? sequence : LongIntMap.ABSENT;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A copy of the known visitors' member numbers. */
    RoaringBitmap knownVisitors() {
        lock.readLock().lock();
        try {
            return known.clone();
        } finally {
            lock.readLock().unlock();
        }
    }

    boolean isKnownVisitor(long key) {
        lock.readLock().lock();
        try {
            int sequence = sequences.get(key);
            return sequence != LongIntMap.ABSENT && known.contains(sequence);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The known visitors for whom the formula holds. */
    RoaringBitmap knownMatching(AudienceFormula formula) {
        lock.readLock().lock();
        try {
            return matching(formula);
        } finally {
            lock.readLock().unlock();
        }
    }

    private RoaringBitmap matching(AudienceFormula formula) {
        if (formula instanceof AudienceFormula.Member member) {
            Members members = audiences.get(member.audienceId());
            RoaringBitmap in = members == null ? new RoaringBitmap() : members.bitmap();
            return member.negated() ? RoaringBitmap.andNot(known, in) : RoaringBitmap.and(known, in);
        }
        if (formula instanceof AudienceFormula.All all) {
            RoaringBitmap result = known.clone();
            all.parts().forEach(part -> result.and(matching(part)));
            return result;
        }
        if (formula instanceof AudienceFormula.Some some) {
            RoaringBitmap result = new RoaringBitmap();
            some.parts().forEach(part -> result.or(matching(part)));
            return result;
        }
        return known.clone();
    }

    Map<Long, Members> audiences() {
        return Map.copyOf(audiences);
    }

    int keyCount() {
        lock.readLock().lock();
        try {
            return sequences.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many known visitors are in some audience: the members whose audiences are kept for decisions. */
    int indexedVisitors() {
        lock.readLock().lock();
        try {
            return audiencesOfKnown.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    long knownCount() {
        lock.readLock().lock();
        try {
            return known.getLongCardinality();
        } finally {
            lock.readLock().unlock();
        }
    }
}
