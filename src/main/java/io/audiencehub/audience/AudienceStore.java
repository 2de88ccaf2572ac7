package io.audiencehub.audience;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.roaringbitmap.RoaringBitmap;
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

    /** Held by the one writer from its first change to its transaction's end. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Keeps readers out while a commit or a reload replaces what they read. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, Members> audiences = new ConcurrentHashMap<>();
    private AudiencesOfMembers audiencesOfMembers = AudiencesOfMembers.of(Map.of(), 0);
    private LongIntMap sequences = new LongIntMap(1 << 16);
    private int nextSequence;
    private RoaringBitmap known = new RoaringBitmap();
    private volatile long version;
    private volatile boolean loaded;

    /** Changes made by the writer holding the lock, published on commit. */
    final class Staging {
        private final Map<Long, Integer> newSequences = new HashMap<>();
        private final int firstNewSequence = nextSequence;
        private final Map<Long, Members> changedAudiences = new HashMap<>();
        private final RoaringBitmap newlyKnown = new RoaringBitmap();
        private final RoaringBitmap noLongerKnown = new RoaringBitmap();
        private int savedKeys;
        private long committedVersion = version;

        /** The key's sequence number, or a new one staged for it. */
        int sequenceOf(long key) {
            int sequence = sequences.get(key);
            if (sequence != LongIntMap.ABSENT) {
                return sequence;
            }
            return newSequences.computeIfAbsent(key, absent -> firstNewSequence + newSequences.size());
        }

        /** The key's sequence number, or {@link LongIntMap#ABSENT} when no audience or visitor ever had it. */
        int existingSequenceOf(long key) {
            int sequence = sequences.get(key);
            return sequence != LongIntMap.ABSENT ? sequence : newSequences.getOrDefault(key, LongIntMap.ABSENT);
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

        long recountMatched(RoaringBitmap members) {
            return RoaringBitmap.andCardinality(members, known);
        }

        RoaringBitmap newlyKnown() {
            return newlyKnown;
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
            long[] keys = newKeys();
            NewKeys unsaved = new NewKeys(firstNewSequence + savedKeys,
                    Arrays.copyOfRange(keys, savedKeys, keys.length));
            savedKeys = keys.length;
            return unsaved;
        }

        /** Whether there is anything to write: changed audiences, new keys or newly known visitors. */
        boolean hasChanges() {
            return !changedAudiences.isEmpty() || !newSequences.isEmpty() || !newlyKnown.isEmpty()
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

        /** The version of the audiences once this change is published. */
        void committedAs(long committed) {
            committedVersion = committed;
        }

        /** The newly numbered keys, in sequence order. */
        long[] newKeys() {
            long[] keys = new long[newSequences.size()];
            newSequences.forEach((key, sequence) -> keys[sequence - firstNewSequence] = key);
            return keys;
        }

        private void publishWhileReadersWait() {
            lock.writeLock().lock();
            try {
                publish();
            } finally {
                lock.writeLock().unlock();
            }
        }

        private void publish() {
            long[] keys = newKeys();
            for (int i = 0; i < keys.length; i++) {
                sequences.putNew(keys[i], firstNewSequence + i);
            }
            nextSequence = firstNewSequence + keys.length;
            known.or(newlyKnown);
            known.andNot(noLongerKnown);
            changedAudiences.forEach((audienceId, after) -> {
                Members before = audiences.get(audienceId);
                audiencesOfMembers.change(audienceId, before == null ? new RoaringBitmap() : before.bitmap(),
                        after.bitmap(), nextSequence);
            });
            audiences.putAll(changedAudiences);
            version = committedVersion;
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
                        staging.publishWhileReadersWait();
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
            staging.publishWhileReadersWait();
        } finally {
            writing.unlock();
        }
    }

    /** Replaces everything with what was loaded from the database, as of {@code loadedVersion}. */
    void reset(long loadedVersion, LongIntMap loadedSequences, int loadedNextSequence,
               Map<Long, Members> loadedAudiences, RoaringBitmap loadedKnown) {
        AudiencesOfMembers loadedAudiencesOfMembers = AudiencesOfMembers.of(loadedAudiences, loadedNextSequence);
        writing.lock();
        lock.writeLock().lock();
        try {
            sequences = loadedSequences;
            nextSequence = loadedNextSequence;
            audiences.clear();
            audiences.putAll(loadedAudiences);
            audiencesOfMembers = loadedAudiencesOfMembers;
            known = loadedKnown;
            version = loadedVersion;
            loaded = true;
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

    /** The ids of the audiences the key is in, ascending; the array is shared, so never to be changed. */
    long[] audiencesOf(long key) {
        lock.readLock().lock();
        try {
            return audiencesOfMembers.of(sequences.get(key));
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

    long knownCount() {
        lock.readLock().lock();
        try {
            return known.getLongCardinality();
        } finally {
            lock.readLock().unlock();
        }
    }
}
