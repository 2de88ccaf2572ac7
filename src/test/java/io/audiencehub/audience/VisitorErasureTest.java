package io.audiencehub.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.audiencehub.IntegrationTest;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.sync.WebhookDeliveries;
import io.audiencehub.visitor.VisitorService;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * An erased visitor leaves the registry, every audience and every count; no sync brings it back until
 * an admin lifts the suppression; the id itself is kept nowhere.
 */
@WithMockUser(username = "privacy-admin", roles = "ADMIN")
class VisitorErasureTest extends IntegrationTest {

    @Autowired
    ErasureService erasures;
    @Autowired
    AudienceService audiences;
    @Autowired
    AudienceRepository repository;
    @Autowired
    VisitorService visitors;
    @Autowired
    MemberKeys keys;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anErasedVisitorLeavesEveryAudienceAndStaysOutUntilLifted() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tokenId = UUID.randomUUID().toString();
        long connectorId = ValidatedConnectors.insert(jdbc, "Erasure " + suffix, tokenId, "Erasure " + suffix);
        String erased = "erased-" + suffix;
        String kept = "kept-" + suffix;
        KnownVisitors.see(visitors, audiences, erased);
        KnownVisitors.see(visitors, audiences, kept);
        WebhookDeliveries heap = new WebhookDeliveries(port);
        heap.send(WebhookDeliveries.page(tokenId, 1, "Buyers", "buyers-1", 1, 1, List.of(erased, kept), List.of()));
        heap.send(WebhookDeliveries.page(tokenId, 2, "Newsletter", "newsletter-1", 1, 1, List.of(erased), List.of()));
        long buyers = audienceOf(connectorId, "Buyers").id();
        long newsletter = audienceOf(connectorId, "Newsletter").id();

        Suppression suppression = erasures.erase(erased);

        assertThat(suppression.appliedAt()).as("applied by the writer within the wait").isNotNull();
        assertThat(suppression.membershipsRemoved()).isEqualTo(2);
        assertThat(suppression.memberKey()).isEqualTo(keys.keyOf(erased));
        assertThat(audiences.isMember(buyers, erased)).isFalse();
        assertThat(audiences.isMember(newsletter, erased)).isFalse();
        assertThat(audiences.isMember(buyers, kept)).isTrue();
        assertThat(repository.find(buyers).orElseThrow()).satisfies(audience -> {
            assertThat(audience.memberCount()).isEqualTo(1);
            assertThat(audience.matchedCount()).isEqualTo(1);
        });
        assertThat(repository.find(newsletter).orElseThrow().memberCount()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM visitor WHERE id = :id").param("id", erased).query(Long.class)
                .single()).as("gone from the registry").isZero();
        assertThat(erasures.audit(0, 10)).anySatisfy(entry -> {
            assertThat(entry.memberKey()).isEqualTo(keys.keyOf(erased));
            assertThat(entry.action()).isEqualTo(ErasureAuditEntry.ERASED);
            assertThat(entry.actor()).isEqualTo("privacy-admin");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audience_erasure_audit WHERE actor LIKE :id OR action LIKE :id")
                .param("id", "%" + erased + "%").query(Long.class).single()).as("the id is kept nowhere").isZero();
        assertThat(storedKeys()).as("its key only as the suppression").doesNotContain(keys.keyOf(erased))
                .contains(keys.keyOf(kept));

        heap.send(WebhookDeliveries.page(tokenId, 1, "Buyers", "buyers-2", 1, 1, List.of(erased), List.of()));
        assertThat(audiences.isMember(buyers, erased)).as("the next sync does not bring it back").isFalse();

        erasures.lift(keys.keyOf(erased));
        assertThat(erasures.suppressions(0, 100)).noneMatch(listed -> listed.memberKey() == keys.keyOf(erased));
        heap.send(WebhookDeliveries.page(tokenId, 1, "Buyers", "buyers-3", 1, 1, List.of(erased), List.of()));
        assertThat(audiences.isMember(buyers, erased)).as("once lifted, a sync may add it again").isTrue();
        audiences.reload();
        assertThat(audiences.isMember(buyers, erased)).as("and a restart finds it there").isTrue();
    }

    private List<Long> storedKeys() {
        return jdbc.sql("SELECT member_keys FROM audience_key_chunk").query(byte[].class).list().stream()
                .flatMapToLong(chunk -> Arrays.stream(MemberKeys.decode(chunk))).boxed().toList();
    }

    @Test
    void aMemberKeyedOnAnEMailAddressIsErasedLikeAnyOther() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tokenId = UUID.randomUUID().toString();
        long connectorId = ValidatedConnectors.insert(jdbc, "E-mail " + suffix, tokenId, "E-mail " + suffix);
        String email = "Ann.Lee+" + suffix + "@example.com";
        new WebhookDeliveries(port).send(WebhookDeliveries.page(tokenId, 1, "Newsletter", "news-1", 1, 1, List.of(email),
                List.of()));
        long newsletter = audienceOf(connectorId, "Newsletter").id();
        assertThat(audiences.isMember(newsletter, email)).isTrue();

        erasures.erase(email);

        assertThat(audiences.isMember(newsletter, email)).isFalse();
    }

    @Test
    void anErasedVisitorReportedAgainOrStoredByAHubThatHadNotHeardIsNeverKeptOrCounted() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String erased = "back-" + suffix;
        KnownVisitors.see(visitors, audiences, erased);
        erasures.erase(erased);

        visitors.report(erased);
        visitors.flush();
        assertThat(registered(erased)).as("reported again by the tag, while erased").isFalse();

        // what another hub's flush, under way before it read the erasure, leaves behind
        jdbc.sql("INSERT INTO visitor (id, first_seen, last_seen) VALUES (?, NOW(3), NOW(3))").params(erased).update();
        await().atMost(Duration.ofSeconds(15)).until(() -> !registered(erased));
        audiences.writeFirstSightings();
        assertThat(audiences.countKnownVisitors(List.of(erased))).as("never counted as a known visitor").isZero();
    }

    private boolean registered(String visitorId) {
        return jdbc.sql("SELECT COUNT(*) FROM visitor WHERE id = ?").params(visitorId).query(Long.class).single() > 0;
    }

    @Test
    void anIdNoSourceCouldSendIsRefusedWithWhyAndNothingIsStored() {
        assertThatThrownBy(() -> erasures.erase("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("visitorId");
        assertThatThrownBy(() -> erasures.erase("x".repeat(257))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 256 characters");
        assertThatThrownBy(() -> erasures.lift(42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never erased");
    }

    @Test
    @WithMockUser(username = "viewer", roles = "VIEWER")
    void onlyAnAdminErases() {
        assertThatThrownBy(() -> erasures.erase("someone")).isInstanceOf(AccessDeniedException.class);
    }

    private Audience audienceOf(long connectorId, String name) {
        return repository.page(connectorId, name, false, 0, 1).get(0);
    }
}
