package io.audiencehub.audience;

import io.audiencehub.audience.AudienceStore.Staging;
import io.audiencehub.base.HubInstance;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writer's term and the log of audience changes, in the {@code audience_writer} and
 * {@code audience_change} tables. A takeover starts a term; every transaction that changes audiences
 * raises the version only if its term is still the current one, and logs what it changed under that
 * version. Under Galera the raise also makes the commit conflict with a takeover committed through
 * another node, so a writer whose term ended can never commit. The other instances follow the log
 * ({@link AudienceFollower}).
 */
@Component
class AudienceJournal {

    /** The writer's term ended: another instance took over while this change was being written. */
    static final class TermEnded extends IllegalStateException {
        TermEnded(long term) {
            super("This hub's audience writer term " + term + " ended: another hub instance took over the audiences."
                    + " Nothing of this change was written; the new writer applies it.");
        }
    }

    /**
     * The database's version is not the one this change began from: a commit was published only in part,
     * or its outcome was unknown and it did commit. Memory is behind the database.
     */
    static final class VersionMoved extends IllegalStateException {
        VersionMoved(long expected) {
            super("the database holds a later version of the audiences than version " + expected + " in memory");
        }
    }

    /** One logged change: which audiences' members or counts changed, and who became a known visitor. */
    record LoggedChange(long version, String membersChanged, String countsChanged, byte[] newlyKnown,
                        byte[] noLongerKnown) {

        List<Long> audiencesWithNewMembers() {
            return ids(membersChanged);
        }

        List<Long> audiencesWithNewCounts() {
            return ids(countsChanged);
        }

        private static List<Long> ids(String joined) {
            return joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).map(Long::valueOf).toList();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AudienceJournal.class);
    private static final Duration KEPT = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final String instanceName;

    AudienceJournal(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, HubInstance instance) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.instanceName = instance.name();
    }

    /** Starts a new term, committed at once, and returns it: from now on no earlier term's change commits. */
    long beginTerm() {
        return ownTransaction.execute(status -> {
            jdbc.sql("""
                            UPDATE audience_writer SET term = term + 1, writer = :writer, term_started_at = :now
                            WHERE id = 1
                            """)
                    .param("writer", instanceName)
                    .param("now", clock.instant())
                    .update();
            return jdbc.sql("SELECT term FROM audience_writer WHERE id = 1").query(Long.class).single();
        });
    }

    /** The version of the audiences the database holds: raised by every change. */
    long version() {
        return jdbc.sql("SELECT version FROM audience_writer WHERE id = 1").query(Long.class).single();
    }

    /**
     * Logs the staged changes under the next version, in the transaction that writes them, and gives the
     * staging that version; throws {@link TermEnded} when another instance started a later term, and
     * {@link VersionMoved} when the database is no longer at the version the change began from.
     */
    void record(Staging staging, long term) {
        int raised = jdbc.sql("""
                        UPDATE audience_writer SET version = version + 1
                        WHERE id = 1 AND term = :term AND version = :version
                        """)
                .param("term", term)
                .param("version", staging.baseVersion())
                .update();
        if (raised == 0) {
            long current = jdbc.sql("SELECT term FROM audience_writer WHERE id = 1").query(Long.class).single();
            throw current != term ? new TermEnded(term) : new VersionMoved(staging.baseVersion());
        }
        long version = version();
        jdbc.sql("""
                        INSERT INTO audience_change (version, term, changed_at, members_changed, counts_changed,
                                                     newly_known, no_longer_known)
                        VALUES (:version, :term, :now, :members, :counts, :known, :forgotten)
                        """)
                .param("version", version)
                .param("term", term)
                .param("now", clock.instant())
                .param("members", joined(staging.audiencesWithNewMembers()))
                .param("counts", joined(staging.audiencesWithNewCounts()))
                .param("known", staging.newlyKnown().isEmpty() ? null : Bitmaps.serialize(staging.newlyKnown()))
                .param("forgotten", staging.noLongerKnown().isEmpty() ? null
                        : Bitmaps.serialize(staging.noLongerKnown()))
                .update();
        staging.committedAs(version);
    }

    /** The changes logged after {@code version}, in order; the first is not the next one when the log was trimmed. */
    List<LoggedChange> since(long version) {
        return jdbc.sql("""
                        SELECT version, members_changed, counts_changed, newly_known, no_longer_known
                        FROM audience_change
                        WHERE version > :version ORDER BY version
                        """)
                .param("version", version)
                .query(LoggedChange.class).list();
    }

    /** Forgets old changes, on one hub of a cluster: an instance that far behind reloads everything. */
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "audience-change-trim", lockAtMostFor = "PT5M")
    void trim() {
        int deleted = jdbc.sql("DELETE FROM audience_change WHERE changed_at < :before")
                .param("before", clock.instant().minus(KEPT))
                .update();
        if (deleted > 0) {
            log.debug("Forgot {} audience changes older than {}", deleted, KEPT);
        }
    }

    private static String joined(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
