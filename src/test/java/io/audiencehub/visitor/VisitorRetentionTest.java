package io.audiencehub.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.KnownVisitors;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.sync.WebhookDeliveries;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** A visitor the tag stopped reporting is forgotten after the retention, and no audience counts it any more. */
@WithMockUser(username = "viewer", roles = "VIEWER")
class VisitorRetentionTest extends IntegrationTest {

    @Autowired
    VisitorRetention retention;
    @Autowired
    VisitorService visitors;
    @Autowired
    AudienceService audiences;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aVisitorNotSeenWithinTheRetentionIsForgottenAndNoLongerCounted() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tokenId = UUID.randomUUID().toString();
        long connectorId = ValidatedConnectors.insert(jdbc, "Retention " + suffix, tokenId, "Retention " + suffix);
        String gone = "gone-" + suffix;
        String back = "back-" + suffix;
        KnownVisitors.see(visitors, audiences, gone);
        KnownVisitors.see(visitors, audiences, back);
        new WebhookDeliveries(port).send(WebhookDeliveries.page(tokenId, 1, "Buyers", "buyers-1", 1, 1, List.of(gone, back),
                List.of()));
        assertThat(buyers(connectorId).matchedCount()).isEqualTo(2);
        jdbc.sql("UPDATE visitor SET last_seen = NOW(3) - INTERVAL 397 DAY, first_seen = NOW(3) - INTERVAL 400 DAY"
                + " WHERE id = :id").param("id", gone).update();
        jdbc.sql("UPDATE visitor SET last_seen = NOW(3) - INTERVAL 395 DAY, first_seen = NOW(3) - INTERVAL 400 DAY"
                + " WHERE id = :id").param("id", back).update();

        assertThat(retention.forgetUnseen()).isPositive();

        assertThat(registered(gone)).as("forgotten after 396 days").isFalse();
        assertThat(registered(back)).as("seen within them").isTrue();
        assertThat(audiences.reconcile().forgottenVisitors()).isEqualTo(1);
        Audience buyers = buyers(connectorId);
        assertThat(buyers.memberCount()).as("still a member of what the source sent").isEqualTo(2);
        assertThat(buyers.matchedCount()).isEqualTo(1);
        assertThat(audiences.lookup(buyers.id(), gone).knownVisitor()).isFalse();
        assertThat(audiences.reconcile()).extracting(r -> r.forgottenVisitors(), r -> r.countsFixed())
                .containsExactly(0, 0);
    }

    private boolean registered(String visitorId) {
        return jdbc.sql("SELECT COUNT(*) FROM visitor WHERE id = :id").param("id", visitorId).query(Long.class)
                .single() == 1;
    }

    private Audience buyers(long connectorId) {
        return audiences.page(connectorId, "Buyers", false, 0, 1).get(0);
    }
}
