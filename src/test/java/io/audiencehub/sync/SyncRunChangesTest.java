package io.audiencehub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import io.audiencehub.audience.ErasureService;
import io.audiencehub.connector.ValidatedConnectors;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A kept run names the ids that changed its audience, and only those; a member's inspector learns since which
 * run it is in and which runs left it out; an erased member's id is in none of it, and leaves the stored pages.
 */
@WithMockUser(username = "history-admin", roles = "ADMIN")
class SyncRunChangesTest extends IntegrationTest {

    @Autowired
    SyncRunChanges changes;
    @Autowired
    SyncService syncs;
    @Autowired
    SyncRepository repository;
    @Autowired
    ErasedIdsScrub scrub;
    @Autowired
    ErasureService erasures;
    @Autowired
    JdbcClient jdbc;

    private String suffix;
    private String tokenId;
    private long connectorId;
    private WebhookDeliveries heap;

    @BeforeEach
    void twoIncrementalRuns() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        tokenId = UUID.randomUUID().toString();
        connectorId = ValidatedConnectors.insert(jdbc, "History " + suffix, tokenId, "env");
        heap = new WebhookDeliveries(port);
        assertThat(heap.send(WebhookDeliveries.page(tokenId, 91, "Buyers", "first-" + suffix, 1, 1,
                List.of(id("a1"), id("a2"), id("a3")), List.of())).statusCode()).isEqualTo(200);
        assertThat(heap.send(WebhookDeliveries.page(tokenId, 91, "Buyers", "second-" + suffix, 1, 1,
                List.of(id("a4"), id("a1")), List.of(id("a2"), id("a9")))).statusCode()).isEqualTo(200);
    }

    @Test
    void aRunNamesTheIdsThatChangedTheAudienceAndKeepsNoOther() {
        assertThat(csv("first-" + suffix)).isEqualTo(rows("added," + id("a1"), "added," + id("a2"),
                "added," + id("a3")));
        assertThat(csv("second-" + suffix)).as("a1 was in already and a9 never was: neither changed the audience")
                .isEqualTo(rows("added," + id("a4"), "removed," + id("a2")));
        long secondPage = pageOf("second-" + suffix);
        assertThat(repository.pageIds(secondPage)).as("what the page keeps")
                .isEqualTo(new PageIds(List.of(id("a4")), List.of(id("a2"))));
    }

    @Test
    void aReplacingRunNamesTheMembersItLeftOutFromTheEarlierRuns() {
        assertThat(syncs.replaceMembers(connectorId, "91", "Buyers", List.of(id("a1"), id("a3"), id("a5")),
                Duration.ofSeconds(10))).isEqualTo(SyncService.Delivery.APPLIED);
        String upload = jdbc.sql("SELECT sync_task_id FROM sync_run WHERE connector_id = ? ORDER BY id DESC LIMIT 1")
                .param(connectorId).query(String.class).single();
        StringWriter out = new StringWriter();

        SyncRunChanges.Written written = changes.writeCsv(connectorId, upload, out);

        assertThat(out).hasToString(rows("added," + id("a5"), "removed," + id("a4")));
        assertThat(written).isEqualTo(new SyncRunChanges.Written(1, 1, 0));
        assertThat(changes.entryOf(id("a5"), connectorId, "91")).get()
                .extracting(SyncRunChanges.Entry::syncTaskId).isEqualTo(upload);
        assertThat(changes.departuresOf(id("a4"))).singleElement()
                .extracting(SyncRunChanges.Departure::syncTaskId).isEqualTo(upload);
    }

    @Test
    void aMemberIsInSinceTheLatestRunThatBroughtItInAndLeftByTheRunThatRemovedIt() {
        assertThat(changes.entryOf(id("a1"), connectorId, "91")).get()
                .extracting(SyncRunChanges.Entry::syncTaskId).as("sent again by the second run, in since the first")
                .isEqualTo("first-" + suffix);
        assertThat(changes.entryOf(id("a4"), connectorId, "91")).get()
                .extracting(SyncRunChanges.Entry::syncTaskId).isEqualTo("second-" + suffix);
        assertThat(changes.departuresOf(id("a2"))).singleElement().satisfies(departure -> {
            assertThat(departure.connectorId()).isEqualTo(connectorId);
            assertThat(departure.audienceKey()).isEqualTo("91");
            assertThat(departure.syncTaskId()).isEqualTo("second-" + suffix);
        });
        assertThat(changes.departuresOf(id("a1"))).isEmpty();
    }

    @Test
    void anErasedMemberIsNamedNowhereAndItsIdLeavesTheStoredPages() {
        erasures.erase(id("a3"));

        assertThat(csv("first-" + suffix)).as("at once, before the pages are scrubbed")
                .isEqualTo(rows("added," + id("a1"), "added," + id("a2")));
        assertThat(scrub.scrub()).isGreaterThanOrEqualTo(1);
        assertThat(repository.pageIds(pageOf("first-" + suffix)))
                .isEqualTo(new PageIds(List.of(id("a1"), id("a2")), List.of()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_id_scrub").query(Long.class).single())
                .as("every request carried out").isZero();
    }

    private String csv(String syncTaskId) {
        StringWriter out = new StringWriter();
        changes.writeCsv(connectorId, syncTaskId, out);
        return out.toString();
    }

    private long pageOf(String syncTaskId) {
        return jdbc.sql("SELECT id FROM sync_page WHERE connector_id = ? AND sync_task_id = ?")
                .params(connectorId, syncTaskId).query(Long.class).single();
    }

    private String id(String name) {
        return name + "-" + suffix;
    }

    private static String rows(String... rows) {
        return "change,id\r\n" + String.join("\r\n", rows) + "\r\n";
    }
}
