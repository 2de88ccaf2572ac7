package io.audiencehub.audience;

import io.audiencehub.audience.AudienceStore.Members;
import io.audiencehub.audience.AudienceStore.Staging;
import io.audiencehub.base.ConflictRetry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change to audiences: a page of members in or out, and visitors becoming known. Each change
 * is staged in the {@link AudienceStore} and written in the same transaction; only the commit makes
 * it visible, so a failed write leaves memory as the database is. Only the elected writer writes.
 */
@Component
class AudienceWriter {

    private static final int SIGHTINGS_PER_TRANSACTION = 10_000;
    static final int KEYS_PER_CHUNK = 65_536;

    private final AudienceRepository audiences;
    private final AudienceStore store;
    private final MemberKeys keys;
    private final WriterElection election;
    private final AudienceJournal journal;
    private final SuppressedKeys suppressed;
    private final OverrideRepository overrides;
    private final TransactionTemplate transaction;

    AudienceWriter(AudienceRepository audiences, AudienceStore store, MemberKeys keys, WriterElection election,
                   AudienceJournal journal, SuppressedKeys suppressed, OverrideRepository overrides,
                   TransactionTemplate transaction) {
        this.overrides = overrides;
        this.audiences = audiences;
        this.store = store;
        this.keys = keys;
        this.election = election;
        this.journal = journal;
        this.suppressed = suppressed;
        this.transaction = transaction;
    }

    /**
     * Begins (or joins) the current transaction's changes, as the writer in its current term; the
     * commit logs them under that term, and fails when another instance took over meanwhile.
     */
    Staging beginWrite() {
        election.requireWriter();
        long term = election.term();
        return store.beginWrite(staging -> {
            try {
                journal.record(staging, term);
            } catch (AudienceJournal.TermEnded e) {
                election.superseded(term);
                throw e;
            } catch (AudienceJournal.VersionMoved e) {
                store.fellBehind(e.getMessage(), null);
                throw e;
            }
        });
    }

    /**
     * Applies a page inside the caller's transaction. The ids an admin set always in or always out stay so (a
     * replacement keeps the always-in ones); what the page says of them is kept for when the override goes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    AppliedChange apply(AudienceChange change) {
        Staging staging = beginWrite();
        long audienceId = audiences.upsert(change.connectorId(), change.audienceKey(), change.audienceName(), change.at());
        OverriddenIds overridden = new OverriddenIds(overrides.applied(audienceId));
        if (change.replacesMembers()) {
            overridden.replacing();
        }
        Members before = staging.members(audienceId);
        RoaringBitmap members = change.replacesMembers() ? new RoaringBitmap() : before.bitmap().clone();
        long matched = change.replacesMembers() ? 0 : before.matched();
        RoaringBitmap entered = new RoaringBitmap();
        RoaringBitmap left = new RoaringBitmap();
        long[] addedKeys = change.members().addedKeys();
        long[] removedKeys = change.members().removedKeys();
        BitSet changing = new BitSet(addedKeys.length + removedKeys.length);
        for (int position = 0; position < addedKeys.length; position++) {
            long key = addedKeys[position];
            if (suppressed.contains(key) || !overridden.mayAdd(key)) {
                continue;
            }
            int sequence = staging.sequenceOf(key);
            if (members.checkedAdd(sequence)) {
                entered.add(sequence);
                matched += staging.isKnown(sequence) ? 1 : 0;
                // a replacing change brings in only who was not a member before
                changing.set(position, !change.replacesMembers() || !before.bitmap().contains(sequence));
            }
        }
        if (change.replacesMembers()) {
            for (long key : overridden.alwaysIn()) {
                int sequence = staging.sequenceOf(key);
                if (members.checkedAdd(sequence) && staging.isKnown(sequence)) {
                    matched++;
                }
            }
            // what the new membership brings in, and what it leaves out, compared with the old one
            entered = RoaringBitmap.andNot(members, before.bitmap());
            left = RoaringBitmap.andNot(before.bitmap(), members);
        }
        for (int position = 0; position < removedKeys.length; position++) {
            if (!overridden.mayRemove(removedKeys[position])) {
                continue;
            }
            int sequence = staging.existingSequenceOf(removedKeys[position]);
            if (sequence != LongIntMap.ABSENT && members.checkedRemove(sequence)) {
                left.add(sequence);
                matched -= staging.isKnown(sequence) ? 1 : 0;
                changing.set(addedKeys.length + position);
            }
        }
        long added = entered.getLongCardinality();
        long removed = left.getLongCardinality();
        saveNewKeys(staging);
        save(staging, audienceId, members, matched);
        if (!overridden.isEmpty()) {
            overrides.saveSynced(audienceId, overridden.changed());
        }
        return new AppliedChange(audienceId, added, removed, addedKeys.length - added, removedKeys.length - removed,
                members.getLongCardinality(), matched, MemberSet.of(entered), MemberSet.of(left), changing);
    }

    /**
     * Applies admins' changes of an audience's overrides inside the caller's transaction: an always-in id
     * becomes a member, an always-out one leaves, and a removed override gives back the source's membership.
     * Returns, for each request in order, whether the source's membership holds the id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean[] applyOverrides(long audienceId, List<OverrideRepository.Pending> requests) {
        Staging staging = beginWrite();
        Members before = staging.members(audienceId);
        RoaringBitmap members = before.bitmap().clone();
        long matched = before.matched();
        boolean[] synced = new boolean[requests.size()];
        for (int index = 0; index < synced.length; index++) {
            OverrideRepository.Pending request = requests.get(index);
            int sequence = staging.existingSequenceOf(request.memberKey());
            boolean member = sequence != LongIntMap.ABSENT && members.contains(sequence);
            synced[index] = request.synced() == null ? member : request.synced();
            boolean staysMember = OverrideRepository.REMOVE.equals(request.requestedRule()) ? synced[index]
                    : OverrideRule.valueOf(request.requestedRule()) == OverrideRule.ALWAYS_IN;
            if (staysMember && !member) {
                sequence = staging.sequenceOf(request.memberKey());
                members.add(sequence);
                matched += staging.isKnown(sequence) ? 1 : 0;
            } else if (!staysMember && member) {
                members.remove(sequence);
                matched -= staging.isKnown(sequence) ? 1 : 0;
            }
        }
        saveNewKeys(staging);
        save(staging, audienceId, members, matched);
        return synced;
    }

    /**
     * Removes an erased member from every audience it is in and from the known visitors, inside the
     * caller's transaction; returns from how many audiences.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int erase(long key) {
        Staging staging = beginWrite();
        int sequence = staging.existingSequenceOf(key);
        if (sequence == LongIntMap.ABSENT) {
            return 0;
        }
        boolean known = staging.isKnown(sequence);
        int removed = 0;
        for (long audienceId : store.audiencesOf(key)) {
            Members before = staging.members(audienceId);
            RoaringBitmap members = before.bitmap().clone();
            if (members.checkedRemove(sequence)) {
                save(staging, audienceId, members, before.matched() - (known ? 1 : 0));
                removed++;
            }
        }
        if (known) {
            staging.forget(sequence);
        }
        audiences.eraseKeyAt(sequence);
        return removed;
    }

    /**
     * Puts a lifted key back into the slot its erasure emptied, while this hub still numbers it so; after a
     * reload it is unnumbered and gets a new number when a source sends it again.
     */
    void restoreKey(long key) {
        int sequence = beginWrite().existingSequenceOf(key);
        if (sequence != LongIntMap.ABSENT) {
            audiences.writeKeyAt(sequence, key);
        }
    }

    /** Counts the members who just became known visitors into their audiences' matched counts. */
    void recordKnownVisitors(Collection<String> visitorIds) {
        List<String> ids = new ArrayList<>(visitorIds);
        for (int from = 0; from < ids.size(); from += SIGHTINGS_PER_TRANSACTION) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + SIGHTINGS_PER_TRANSACTION));
            ConflictRetry.executeWithoutResult(transaction, status -> recordKnown(batch));
        }
    }

    private void recordKnown(List<String> visitorIds) {
        Staging staging = beginWrite();
        for (String visitorId : visitorIds) {
            long key = keys.keyOf(visitorId);
            if (suppressed.contains(key)) {
                continue;
            }
            int sequence = staging.sequenceOf(key);
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

    /** Stages an audience's new members and writes them with its counts. */
    private void save(Staging staging, long audienceId, RoaringBitmap members, long matched) {
        members.runOptimize();
        staging.change(audienceId, new Members(members, matched));
        audiences.saveMembers(audienceId, Bitmaps.serialize(members), members.getLongCardinality(), matched);
    }

    /**
     * Stores the keys numbered since the last call, in rows of at most {@value #KEYS_PER_CHUNK} keys so
     * that no stored value grows with an audience (the server's packet limit is 16 MB by default).
     */
    private void saveNewKeys(Staging staging) {
        AudienceStore.NewKeys unsaved = staging.unsavedKeys();
        long[] newKeys = unsaved.keys();
        for (int from = 0; from < newKeys.length; from += KEYS_PER_CHUNK) {
            int to = Math.min(newKeys.length, from + KEYS_PER_CHUNK);
            try {
                audiences.insertKeyChunk(unsaved.firstSequence() + from, Arrays.copyOfRange(newKeys, from, to));
            } catch (DuplicateKeyException e) {
                store.fellBehind("member key number " + (unsaved.firstSequence() + from)
                        + " is already taken in the database", e);
                throw e;
            }
        }
    }
}
