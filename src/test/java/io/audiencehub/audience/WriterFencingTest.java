package io.audiencehub.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.audiencehub.TestDatabase;
import io.audiencehub.audience.AudienceStore.Members;
import io.audiencehub.audience.AudienceStore.Staging;
import io.audiencehub.base.HubInstance;
import io.audiencehub.visitor.VisitorService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two hub instances on a database of their own, each with its own lease holder, journal and memory:
 * one writes, the other follows its changes without reloading, and a writer whose lease ran out stops
 * before the other can take over, while a change written in an ended term never commits.
 */
@Tag("database")
class WriterFencingTest {

    private static final Duration LEASE = Duration.ofSeconds(4);

    private static DataSource dataSource;

    /** One hub instance's audience components, as Spring would wire them. */
    private static final class Instance {
        final AudienceStore store = new AudienceStore();
        final AudienceRepository repository = new AudienceRepository(JdbcClient.create(dataSource));
        final TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        final AudienceJournal journal = new AudienceJournal(JdbcClient.create(dataSource), transaction,
                Clock.systemUTC(), new HubInstance());
        final WriterElection election = new WriterElection(new WriterLease(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime().withLockedByValue(UUID.randomUUID().toString()).build()), LEASE), journal);
        final MemberKeys keys = new MemberKeys(repository.salt());
        final AudienceWriter writer = new AudienceWriter(repository, store, keys, election, journal,
                new SuppressedKeys(new ErasureRepository(JdbcClient.create(dataSource)), keys),
                new OverrideRepository(JdbcClient.create(dataSource), new JdbcTemplate(dataSource)), transaction);
        final AudienceLoader loader = new AudienceLoader(repository, store, keys, mock(VisitorService.class), journal,
                transaction);
        final AudienceFollower follower = new AudienceFollower(repository, store, journal, loader, transaction);

        boolean renew() {
            return election.renew(loader::load);
        }

        AppliedChange apply(long segmentId, List<String> added, List<String> removed) {
            MemberBatch members = MemberBatch.of(keys.keysOf(added, removed), added.size());
            return transaction.execute(status -> writer.apply(
                    new AudienceChange(1, Long.toString(segmentId), "Segment " + segmentId, members, Instant.now())));
        }

        boolean isMember(long audienceId, String visitorId) {
            return store.lookup(audienceId, keys.keyOf(visitorId)).member();
        }
    }

    @BeforeAll
    static void ownDatabase() throws Exception {
        dataSource = new DriverManagerDataSource(TestDatabase.url("fencing_" + UUID.randomUUID().toString()
                .substring(0, 8)));
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setContexts("main");
        liquibase.afterPropertiesSet();
    }

    @Test
    void theStandbyFollowsTheWriterAndAWriterWhoseLeaseRanOutCannotCommit() throws Exception {
        Instance first = new Instance();
        Instance second = new Instance();
        assertThat(first.renew()).as("the first instance takes the free lease").isTrue();
        assertThat(second.renew()).as("the lease is held").isFalse();
        second.loader.load();

        long audienceId = first.apply(1, List.of("ada", "bob"), List.of()).audienceId();
        first.apply(2, List.of("cy"), List.of());
        assertThat(second.isMember(audienceId, "ada")).isFalse();
        assertThat(second.follower.follow()).as("two changes followed, nothing reloaded").isEqualTo(2);
        assertThat(second.isMember(audienceId, "ada")).isTrue();
        assertThat(second.store.version()).isEqualTo(first.store.version());

        assertThat(first.renew()).as("extended").isTrue();
        // then the first instance stops renewing, as a process paused or cut off would
        Thread.sleep(LEASE.toMillis() * 3 / 4 + 100);
        assertThat(first.election.isWriter()).as("it no longer trusts its lease").isFalse();
        assertThatThrownBy(() -> first.apply(1, List.of("dan"), List.of()))
                .hasMessageContaining("Another hub instance changes the audiences");
        assertThat(second.renew()).as("the lease has not run out in the database yet").isFalse();

        Thread.sleep(LEASE.toMillis() / 4);
        assertThat(second.renew()).as("the second takes over once the lease ran out").isTrue();
        long versionAtTakeover = second.journal.version();

        // a change the first instance began before the takeover commits in its ended term: refused
        long endedTerm = first.election.term();
        assertThatThrownBy(() -> first.transaction.executeWithoutResult(status -> {
            Staging staging = first.store.beginWrite(begun -> first.journal.record(begun, endedTerm));
            staging.change(audienceId, new Members(new RoaringBitmap(), 0));
            first.repository.saveMembers(audienceId, Bitmaps.serialize(new RoaringBitmap()), 0, 0);
        })).isInstanceOf(AudienceJournal.TermEnded.class);
        assertThat(second.journal.version()).isEqualTo(versionAtTakeover);
        assertThat(first.isMember(audienceId, "ada")).as("nothing of the refused change published").isTrue();

        second.apply(1, List.of("eve"), List.of("bob"));
        assertThat(first.follower.follow()).isEqualTo(1);
        assertThat(first.isMember(audienceId, "eve")).isTrue();
        assertThat(first.isMember(audienceId, "bob")).isFalse();
        assertThat(second.repository.find(audienceId).orElseThrow().memberCount()).isEqualTo(2);
    }
}
