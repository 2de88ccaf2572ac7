package io.audiencehub.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import io.audiencehub.audience.AudienceStore.Members;
import io.audiencehub.audience.AudienceStore.Staging;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** The in-memory audiences: staged changes become visible only when their transaction commits. */
class AudienceStoreTest {

    private static final long AUDIENCE = 1;
    private static final long OTHER_AUDIENCE = 2;
    private static final long KEY_A = 101;
    private static final long KEY_B = 202;

    private final AudienceStore store = new AudienceStore();

    @AfterEach
    void noTransactionLeftOpen() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void changesAreWrittenOnlyInsideATransaction() {
        assertThatThrownBy(() -> store.beginWrite(staging -> { })).hasMessageContaining("inside a transaction");
    }

    @Test
    void aCommittedChangeIsPublishedWithItsNewKeysAndKnownVisitors() {
        write(TransactionSynchronization.STATUS_COMMITTED, staging -> {
            int a = staging.sequenceOf(KEY_A);
            int b = staging.sequenceOf(KEY_B);
            assertThat(staging.sequenceOf(KEY_A)).as("a key gets one number").isEqualTo(a);
            assertThat(staging.newKeys()).containsExactly(KEY_A, KEY_B);
            staging.markKnown(b);
            staging.change(AUDIENCE, new Members(RoaringBitmap.bitmapOf(a, b), 1));
        });

        assertThat(store.lookup(AUDIENCE, KEY_A)).isEqualTo(new MemberLookup(true, false));
        assertThat(store.lookup(AUDIENCE, KEY_B)).isEqualTo(new MemberLookup(true, true));
        assertThat(store.lookup(AUDIENCE, 303)).isEqualTo(new MemberLookup(false, false));
        assertThat(store.keyCount()).isEqualTo(2);
        assertThat(store.knownCount()).isEqualTo(1);
    }

    @Test
    void changesMadeInOneTransactionShareItsStagingAndNeverItsNumbers() {
        write(TransactionSynchronization.STATUS_COMMITTED, staging -> {
            staging.sequenceOf(KEY_A);
            assertThat(staging.unsavedKeys().keys()).containsExactly(KEY_A);
            Staging second = store.beginWrite(staging2 -> { });
            assertThat(second).isSameAs(staging);
            assertThat(second.sequenceOf(KEY_B)).as("a second change numbers after the first").isEqualTo(1);
            AudienceStore.NewKeys secondChunk = second.unsavedKeys();
            assertThat(secondChunk.firstSequence()).isEqualTo(1);
            assertThat(secondChunk.keys()).as("each key is stored once").containsExactly(KEY_B);
        });
        assertThat(store.keyCount()).isEqualTo(2);
    }

    @Test
    void aRolledBackChangeLeavesNothingBehindAndItsNumbersAreGivenAgain() {
        write(TransactionSynchronization.STATUS_ROLLED_BACK, staging -> {
            staging.markKnown(staging.sequenceOf(KEY_A));
            staging.change(AUDIENCE, new Members(RoaringBitmap.bitmapOf(staging.sequenceOf(KEY_A)), 1));
        });

        assertThat(store.lookup(AUDIENCE, KEY_A)).isEqualTo(new MemberLookup(false, false));
        assertThat(store.keyCount()).isZero();
        write(TransactionSynchronization.STATUS_COMMITTED, staging ->
                assertThat(staging.sequenceOf(KEY_B)).as("the rolled back number is free again").isZero());
    }

    @Test
    void theReachOfAFormulaCountsKnownVisitorsOnly() {
        LongIntMap sequences = new LongIntMap(16);
        for (int i = 0; i < 6; i++) {
            sequences.putNew(1_000 + i, i);
        }
        // audience 1 holds 0..3, audience 2 holds 2..5; visitors 1, 2, 3 and 5 are known
        store.reset(0, sequences, 6, Map.of(1L, new Members(RoaringBitmap.bitmapOf(0, 1, 2, 3), 3),
                2L, new Members(RoaringBitmap.bitmapOf(2, 3, 4, 5), 3)), RoaringBitmap.bitmapOf(1, 2, 3, 5));

        assertThat(reach(new AudienceFormula.Member(1, false))).isEqualTo(3);
        assertThat(reach(new AudienceFormula.Member(1, true))).isEqualTo(1);
        assertThat(reach(new AudienceFormula.All(List.of(new AudienceFormula.Member(1, false),
                new AudienceFormula.Member(2, false))))).isEqualTo(2);
        assertThat(reach(new AudienceFormula.Some(List.of(new AudienceFormula.Member(1, false),
                new AudienceFormula.Member(2, false))))).isEqualTo(4);
        assertThat(reach(new AudienceFormula.Member(99, false))).as("an unknown audience holds nobody").isZero();
        assertThat(reach(new AudienceFormula.Anyone())).isEqualTo(4);
    }

    @Test
    void theAudiencesOfAMemberFollowTheLoadAndEveryCommittedChange() {
        LongIntMap sequences = new LongIntMap(16);
        sequences.putNew(KEY_A, 0);
        sequences.putNew(KEY_B, 1);
        store.reset(0, sequences, 2, Map.of(7L, new Members(RoaringBitmap.bitmapOf(0, 1), 0),
                3L, new Members(RoaringBitmap.bitmapOf(0), 0)), new RoaringBitmap());
        assertThat(store.audiencesOf(KEY_A)).containsExactly(3, 7);
        assertThat(store.audiencesOf(KEY_B)).containsExactly(7);

        write(TransactionSynchronization.STATUS_COMMITTED, staging -> {
            int c = staging.sequenceOf(303);
            staging.change(5L, new Members(RoaringBitmap.bitmapOf(1, c), 0));
            staging.change(7L, new Members(RoaringBitmap.bitmapOf(1), 0));
        });
        assertThat(store.audiencesOf(KEY_A)).containsExactly(3);
        assertThat(store.audiencesOf(KEY_B)).containsExactly(5, 7);
        assertThat(store.audiencesOf(303)).containsExactly(5);

        write(TransactionSynchronization.STATUS_ROLLED_BACK, staging ->
                staging.change(3L, new Members(RoaringBitmap.bitmapOf(1), 0)));
        assertThat(store.audiencesOf(KEY_A)).as("a rolled back change moves nobody").containsExactly(3);
        assertThat(store.audiencesOf(KEY_B)).containsExactly(5, 7);
        assertThat(store.audiencesOf(404)).as("a key no audience ever had").isEmpty();
    }

    @Test
    void readersDoNotWaitForAWriterStillInItsTransaction() throws Exception {
        write(TransactionSynchronization.STATUS_COMMITTED, staging -> {
            staging.change(AUDIENCE, new Members(RoaringBitmap.bitmapOf(staging.sequenceOf(KEY_A)), 0));
            CompletableFuture<long[]> reader = CompletableFuture.supplyAsync(() -> store.audiencesOf(KEY_A));
            assertThat(reader).as("what was committed before, read while the change is staged")
                    .succeedsWithin(Duration.ofSeconds(5)).satisfies(audiences -> assertThat(audiences).isEmpty());
        });
        assertThat(store.audiencesOf(KEY_A)).containsExactly(AUDIENCE);
    }

    private long reach(AudienceFormula formula) {
        return store.knownMatching(formula).getLongCardinality();
    }

    @Test
    void theCommitLogsWhichAudiencesChangedMembersAndWhichOnlyCountsAndPublishesItsVersion() {
        write(TransactionSynchronization.STATUS_COMMITTED, staging -> {
            staging.change(AUDIENCE, new Members(RoaringBitmap.bitmapOf(staging.sequenceOf(KEY_A)), 0));
            staging.change(OTHER_AUDIENCE, new Members(RoaringBitmap.bitmapOf(staging.sequenceOf(KEY_B)), 0));
        });
        List<List<Long>> logged = new ArrayList<>();
        write(TransactionSynchronization.STATUS_COMMITTED, staging -> {
            staging.markKnown(0);
            staging.change(AUDIENCE, new Members(store.audiences().get(AUDIENCE).bitmap(), 1));
            staging.change(OTHER_AUDIENCE, new Members(RoaringBitmap.bitmapOf(0, 1), 1));
        }, staging -> {
            logged.add(staging.audiencesWithNewMembers());
            logged.add(staging.audiencesWithNewCounts());
            staging.committedAs(7);
        });

        assertThat(logged).containsExactly(List.of(OTHER_AUDIENCE), List.of(AUDIENCE));
        assertThat(store.version()).isEqualTo(7);
        assertThat(store.audiencesOf(KEY_A)).containsExactly(AUDIENCE, OTHER_AUDIENCE);
    }

    @Test
    void aTransactionThatChangedNothingLogsNothing() {
        List<Staging> logged = new ArrayList<>();
        write(TransactionSynchronization.STATUS_COMMITTED, staging -> staging.sequenceOf(KEY_A), logged::add);
        write(TransactionSynchronization.STATUS_COMMITTED, staging -> { }, logged::add);

        assertThat(logged).as("only the first numbered a key").hasSize(1);
    }

    @Test
    void changesFollowedFromAnotherInstanceArePublishedAsItsCommitWas() {
        store.follow(staging -> {
            int a = staging.sequenceOf(KEY_A);
            staging.markKnown(a);
            staging.change(AUDIENCE, new Members(RoaringBitmap.bitmapOf(a), 1));
            staging.committedAs(3);
        });

        assertThat(store.lookup(AUDIENCE, KEY_A)).isEqualTo(new MemberLookup(true, true));
        assertThat(store.audiencesOf(KEY_A)).containsExactly(AUDIENCE);
        assertThat(store.nextSequence()).isEqualTo(1);
        assertThat(store.version()).isEqualTo(3);
    }

    @Test
    void aPublishThatFailsAfterItsCommitLeavesTheStoreBehindRefusingChangesUntilItIsReloaded() {
        AudienceStore failing = spy(new AudienceStore());
        doThrow(new OutOfMemoryError("Java heap space")).doCallRealMethod().when(failing).publish(any());

        write(failing, TransactionSynchronization.STATUS_COMMITTED,
                staging -> staging.change(AUDIENCE, new Members(RoaringBitmap.bitmapOf(staging.sequenceOf(KEY_A)), 0)),
                staging -> staging.committedAs(1));

        assertThat(failing.behind()).contains("publishing committed version 1 failed");
        assertThatThrownBy(() -> write(failing, TransactionSynchronization.STATUS_COMMITTED, staging -> { },
                staging -> { }))
                .as("a change numbered on memory that is behind would take numbers the database already gave")
                .isInstanceOf(AudienceStore.Behind.class).hasMessageContaining("being reloaded");

        LongIntMap loaded = new LongIntMap(16);
        loaded.putNew(KEY_A, 0);
        failing.reset(1, loaded, 1, Map.of(AUDIENCE, new Members(RoaringBitmap.bitmapOf(0), 0)), new RoaringBitmap());
        assertThat(failing.behind()).isNull();
        write(failing, TransactionSynchronization.STATUS_COMMITTED,
                staging -> assertThat(staging.sequenceOf(KEY_B)).as("numbers go on after the database's").isEqualTo(1),
                staging -> { });
        assertThat(failing.lookup(AUDIENCE, KEY_A).member()).isTrue();
    }

    @Test
    void aCommitOfUnknownOutcomeLeavesTheStoreBehind() {
        write(TransactionSynchronization.STATUS_UNKNOWN, staging -> staging.sequenceOf(KEY_A));

        assertThat(store.behind()).contains("did not say whether");
        assertThat(store.keyCount()).as("nothing published that may not have been committed").isZero();
    }

    @Test
    void onlyKnownVisitorsAreIndexedByMemberWhileEveryMembersAudiencesAreFound() {
        write(TransactionSynchronization.STATUS_COMMITTED, staging -> {
            RoaringBitmap members = new RoaringBitmap();
            for (long key = 1; key <= 1_000; key++) {
                members.add(staging.sequenceOf(key));
            }
            staging.change(AUDIENCE, new Members(members, 0));
            staging.change(OTHER_AUDIENCE, new Members(RoaringBitmap.bitmapOf(staging.sequenceOf(1)), 0));
        });
        assertThat(store.indexedVisitors()).isZero();
        assertThat(store.audiencesOf(1)).as("a member the tag never reported").containsExactly(AUDIENCE, OTHER_AUDIENCE);

        write(TransactionSynchronization.STATUS_COMMITTED, staging -> {
            staging.markKnown(staging.sequenceOf(1));
            staging.markKnown(staging.sequenceOf(2));
            staging.markKnown(staging.sequenceOf(5_000));
        });
        assertThat(store.indexedVisitors()).as("known visitors in some audience").isEqualTo(2);
        assertThat(store.audiencesOf(1)).containsExactly(AUDIENCE, OTHER_AUDIENCE);
        assertThat(store.audiencesOf(2)).containsExactly(AUDIENCE);
        assertThat(store.audiencesOf(5_000)).isEmpty();

        write(TransactionSynchronization.STATUS_COMMITTED, staging -> {
            staging.forget(staging.sequenceOf(1));
            staging.change(OTHER_AUDIENCE, new Members(RoaringBitmap.bitmapOf(staging.sequenceOf(2)), 1));
        });
        assertThat(store.indexedVisitors()).isEqualTo(1);
        assertThat(store.audiencesOf(1)).as("erased, still a member until removed").containsExactly(AUDIENCE);
        assertThat(store.audiencesOf(2)).containsExactly(AUDIENCE, OTHER_AUDIENCE);
    }

    private void write(int outcome, Consumer<Staging> changes) {
        write(outcome, changes, staging -> { });
    }

    private void write(int outcome, Consumer<Staging> changes, Consumer<Staging> beforeCommit) {
        write(store, outcome, changes, beforeCommit);
    }

    private static void write(AudienceStore store, int outcome, Consumer<Staging> changes,
                              Consumer<Staging> beforeCommit) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            changes.accept(store.beginWrite(beforeCommit));
        } finally {
            List<TransactionSynchronization> registered = TransactionSynchronizationManager.getSynchronizations();
            TransactionSynchronizationManager.clearSynchronization();
            if (outcome == TransactionSynchronization.STATUS_COMMITTED) {
                registered.forEach(synchronization -> synchronization.beforeCommit(false));
            }
            TransactionSynchronizationUtils.invokeAfterCompletion(registered, outcome);
        }
    }
}
