package io.audiencehub.campaign;

import static io.audiencehub.campaign.BenchTargeting.AUDIENCES;
import static io.audiencehub.campaign.BenchTargeting.CAMPAIGNS;
import static io.audiencehub.campaign.BenchTargeting.MEMBERSHIPS;
import static io.audiencehub.campaign.BenchTargeting.SEGMENTS;
import static io.audiencehub.campaign.BenchTargeting.VISITORS;

import io.audiencehub.Application;
import io.audiencehub.audience.AudienceChange;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.visitor.VisitorService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a hub's database with the data set of bench/decisions-http.sh through the hub's own services:
 * a validated Heap connector, 10,000 audiences of 500 members each among 1,000,000 visitors, all of them
 * reported by the tag (known visitors, as the members a Heap segment exports are), 1,000 segments and 200
 * running campaigns drawn by {@link BenchTargeting}. It starts the hub with the arguments given (its data
 * folder), fills it, and stops it.
 */
public final class DecisionDataSet {

    private static final int AUDIENCES_PER_TRANSACTION = 100;
    /** Less than the visitor buffer holds (audiencehub.visitors.buffer-capacity). */
    private static final int REPORTS_PER_FLUSH = 100_000;

    private DecisionDataSet() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(Application.class)
                .properties("server.port=0", "vaadin.devmode.devTools.enabled=false").run(args)) {
            AudienceService audiences = hub.getBean(AudienceService.class);
            while (!audiences.isWriter()) {
                Thread.sleep(100);
            }
            long started = System.nanoTime();
            Random random = new Random(20261130);
            long connectorId = ValidatedConnectors.insert(hub.getBean(JdbcClient.class), "Bench Heap", "bench-token",
                    "Bench environment");
            long[] audienceIds = audiences(audiences, hub.getBean(TransactionTemplate.class), connectorId, random);
            reportEveryVisitor(hub.getBean(VisitorService.class), audiences);
            SecurityContextHolderStrategy security = SecurityContextHolder.getContextHolderStrategy();
            SegmentService segments = hub.getBean(SegmentService.class);
            long[] segmentIds = new long[SEGMENTS];
            for (int i = 0; i < SEGMENTS; i++) {
                int number = i + 1;
                segmentIds[i] = HeapConnectorsForTests.asAdmin(security, () -> segments.create("Bench segment " + number,
                        BenchTargeting.segment(random, connectorId, audienceIds))).id();
            }
            CampaignService campaigns = hub.getBean(CampaignService.class);
            for (int i = 1; i <= CAMPAIGNS; i++) {
                CampaignDraft draft = BenchTargeting.campaign(random, "Bench campaign " + i, segmentIds);
                HeapConnectorsForTests.asAdmin(security, () -> campaigns.startAnyway(campaigns.create(draft).id()));
            }
            System.out.printf("data set written in %.0f s: %,d audiences, %,d memberships of %,d visitors, %,d segments,"
                            + " %,d running campaigns, every visitor known%n", (System.nanoTime() - started) / 1e9, AUDIENCES, MEMBERSHIPS,
                    VISITORS, SEGMENTS, CAMPAIGNS);
        }
    }

    /**
     * Every visitor as the tag reports it, a buffer's worth at a time, and counted into its audiences: the
     * decision API then finds a visitor's audiences as it does for any visitor the hub has seen.
     */
    private static void reportEveryVisitor(VisitorService visitors, AudienceService audiences) {
        for (int visitor = 0; visitor < VISITORS; visitor++) {
            visitors.report("visitor-" + visitor);
            if (visitor % REPORTS_PER_FLUSH == REPORTS_PER_FLUSH - 1) {
                visitors.flush();
            }
        }
        visitors.flush();
        audiences.writeFirstSightings();
    }

    /** The audiences as segment syncs would leave them, written a hundred to a transaction; returns their ids. */
    private static long[] audiences(AudienceService audiences, TransactionTemplate transaction, long connectorId,
                                    Random random) {
        long[] ids = new long[AUDIENCES];
        int membersEach = MEMBERSHIPS / AUDIENCES;
        Instant now = Instant.now();
        for (int first = 0; first < AUDIENCES; first += AUDIENCES_PER_TRANSACTION) {
            int from = first;
            transaction.executeWithoutResult(status -> {
                for (int i = from; i < from + AUDIENCES_PER_TRANSACTION; i++) {
                    Set<String> members = new HashSet<>();
                    while (members.size() < membersEach) {
                        members.add("visitor-" + random.nextInt(VISITORS));
                    }
                    ids[i] = audiences.apply(new AudienceChange(connectorId, Integer.toString(i + 1), "Bench audience " + (i + 1),
                            audiences.memberBatch(new ArrayList<>(members), List.of()), now)).audienceId();
                }
            });
        }
        return ids;
    }
}
