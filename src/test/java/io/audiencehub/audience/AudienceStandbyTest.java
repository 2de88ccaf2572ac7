package io.audiencehub.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.sync.HeapDeliveries;
import io.audiencehub.visitor.VisitorService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A second instance on the same database answers from what the writer stored, reloaded on schedule. */
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
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aStandbyLoadsAtStartAndSeesTheWritersChangesAtItsNextRefresh() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tokenId = UUID.randomUUID().toString();
        long connectorId = ValidatedConnectors.insert(jdbc, "Standby " + suffix, tokenId, "Standby " + suffix);
        String early = "early-" + suffix;
        String late = "late-" + suffix;
        KnownVisitors.see(visitors, writer, early);
        KnownVisitors.see(visitors, writer, late);
        HeapDeliveries heap = new HeapDeliveries(port);
        heap.send(HeapDeliveries.page(tokenId, 801, "Standby", "task-1", 1, 1, List.of(early), List.of()));
        long audienceId = repository.page(connectorId, "", false, 0, 1).get(0).id();

        AudienceStore standbyStore = new AudienceStore();
        MemberKeys keys = new MemberKeys(repository.salt());
        WriterElection election = new WriterElection(new AudienceWriterLock(dataSource));
        AudienceWriter standbyWriter = new AudienceWriter(repository, standbyStore, keys, election, transaction);
        AudienceLoader loader = new AudienceLoader(repository, standbyStore, keys, visitors, transaction);
        Reconciler reconciler = new Reconciler(repository, standbyStore, keys, standbyWriter, election, visitors,
                transaction);
        FirstSightings sightings = new FirstSightings(standbyWriter, election);
        AudienceLoop loop = new AudienceLoop(election, loader, reconciler, sightings, new SimpleMeterRegistry());
        AudienceService standby = new AudienceService(repository, standbyStore, keys, standbyWriter, election,
                reconciler, sightings, loop);
        loop.start();
        try {
            assertThat(standby.isWriter()).isFalse();
            assertThat(standby.isMember(audienceId, early)).as("loaded at start").isTrue();

            heap.send(HeapDeliveries.page(tokenId, 801, "Standby", "task-2", 1, 1, List.of(late), List.of(early)));
            assertThat(writer.isMember(audienceId, late)).isTrue();
            assertThat(standby.isMember(audienceId, late)).as("not yet refreshed").isFalse();

            loop.refreshStandby();
            assertThat(standby.isMember(audienceId, late)).isTrue();
            assertThat(standby.isMember(audienceId, early)).isFalse();
            assertThat(standby.knownVisitorsMatching(new AudienceFormula.Member(audienceId, false))).isEqualTo(1);
        } finally {
            loop.stop();
        }
    }
}
