package io.audiencehub.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.audiencehub.IntegrationTest;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.sync.WebhookDeliveries;
import io.audiencehub.visitor.VisitorService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A second instance on the same database loads at start and follows the writer's changes by itself, within seconds. */
class AudienceStandbyTest extends IntegrationTest {

    @Autowired
    AudienceService writer;
    @Autowired
    AudienceRepository repository;
    @Autowired
    VisitorService visitors;
    @Autowired
    DataSource dataSource;
    @Autowired
    AudienceJournal journal;
    @Autowired
    ErasureRepository erasures;
    @Autowired
    OverrideRepository overrides;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aStandbyLoadsAtStartAndFollowsTheWritersChangesWithinSeconds() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tokenId = UUID.randomUUID().toString();
        long connectorId = ValidatedConnectors.insert(jdbc, "Standby " + suffix, tokenId, "Standby " + suffix);
        String early = "early-" + suffix;
        String late = "late-" + suffix;
        KnownVisitors.see(visitors, writer, early);
        KnownVisitors.see(visitors, writer, late);
        WebhookDeliveries heap = new WebhookDeliveries(port);
        heap.send(WebhookDeliveries.page(tokenId, 801, "Standby", "task-1", 1, 1, List.of(early), List.of()));
        long audienceId = repository.page(connectorId, "", false, 0, 1).get(0).id();

        AudienceStore standbyStore = new AudienceStore();
        MemberKeys keys = new MemberKeys(repository.salt());
        WriterLease lease = new WriterLease(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder().withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime()
                .withLockedByValue("standby-" + suffix).build()), Duration.ofSeconds(10));
        WriterElection election = new WriterElection(lease, journal);
        SuppressedKeys suppressed = new SuppressedKeys(erasures, keys);
        AudienceWriter standbyWriter = new AudienceWriter(repository, standbyStore, keys, election, journal,
                suppressed, overrides, transaction);
        AudienceLoader loader = new AudienceLoader(repository, standbyStore, keys, visitors, journal, transaction);
        Reconciler reconciler = new Reconciler(repository, standbyStore, keys, standbyWriter, election, visitors,
                transaction);
        FirstSightings sightings = new FirstSightings(standbyWriter, election, standbyStore, keys, suppressed, visitors,
                Clock.systemUTC());
        AudienceFollower follower = new AudienceFollower(repository, standbyStore, journal, loader, transaction);
        AudienceLoop loop = new AudienceLoop(election, loader, reconciler, sightings, follower,
                new ErasureApplier(erasures, overrides, suppressed, standbyWriter, transaction, standbyStore, events,
                        Clock.systemUTC()),
                new OverrideApplier(overrides, standbyWriter, suppressed, transaction), suppressed,
                standbyStore, Clock.systemUTC(), new SimpleMeterRegistry());
        AudienceService standby = new AudienceService(repository, standbyStore, keys, standbyWriter, election,
                reconciler, sightings, loop);
        loop.start();
        try {
            assertThat(standby.isWriter()).isFalse();
            assertThat(standby.isMember(audienceId, early)).as("loaded at start").isTrue();

            heap.send(WebhookDeliveries.page(tokenId, 801, "Standby", "task-2", 1, 1, List.of(late), List.of(early)));
            assertThat(writer.isMember(audienceId, late)).isTrue();

            await().atMost(Duration.ofSeconds(5)).until(() -> standby.isMember(audienceId, late));
            assertThat(standby.isWriter()).isFalse();
            assertThat(standby.isMember(audienceId, early)).isFalse();
            assertThat(standby.knownVisitorsMatching(new AudienceFormula.Member(audienceId, false))).isEqualTo(1);
        } finally {
            loop.stop();
        }
    }
}
