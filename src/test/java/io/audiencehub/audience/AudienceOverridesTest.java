package io.audiencehub.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audiencehub.Http;
import io.audiencehub.IntegrationTest;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.csv.CsvAudienceService;
import io.audiencehub.csv.CsvImport;
import io.audiencehub.csv.CsvLayout;
import io.audiencehub.sync.WebhookDeliveries;
import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.ApiKeyService;
import io.audiencehub.security.NewApiKey;
import io.audiencehub.visitor.VisitorService;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Manual includes and excludes: an id kept always in or always out stays so whatever the syncs and a
 * replacement send, counts like any member, gives the source's answer back when the override goes, leaves with
 * an erasure, is refused with why when it cannot be, and is audited without the ids.
 */
@WithMockUser(username = "audience-admin", roles = "ADMIN")
class AudienceOverridesTest extends IntegrationTest {

    @Autowired
    AudienceOverrideService overrides;
    @Autowired
    AudienceService audiences;
    @Autowired
    ErasureService erasures;
    @Autowired
    VisitorService visitors;
    @Autowired
    CsvAudienceService csv;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;
    private String suffix;
    private String tokenId;
    private long connectorId;
    private WebhookDeliveries heap;

    @BeforeEach
    void aConnector() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        tokenId = UUID.randomUUID().toString();
        connectorId = ValidatedConnectors.insert(jdbc, "Overrides " + suffix, tokenId, "Overrides " + suffix);
        heap = new WebhookDeliveries(port);
    }

    @Test
    void anIdKeptAlwaysInStaysAMemberWhateverTheSyncsSendAndLeavesWhenGivenBackToASourceWithoutIt() {
        String pinned = "pinned-" + suffix;
        String other = "other-" + suffix;
        KnownVisitors.see(visitors, audiences, pinned);
        KnownVisitors.see(visitors, audiences, other);
        sync(1, "buyers-1", List.of(other), List.of());
        long buyers = buyers().id();

        AudienceOverrideService.OverrideChange kept = overrides.add(buyers, OverrideRule.ALWAYS_IN, List.of(pinned));

        assertThat(kept).isEqualTo(new AudienceOverrideService.OverrideChange(1, true));
        assertThat(audiences.isMember(buyers, pinned)).isTrue();
        assertThat(buyers()).as("counted in members and matched").satisfies(audience -> {
            assertThat(audience.memberCount()).isEqualTo(2);
            assertThat(audience.matchedCount()).isEqualTo(2);
        });
        assertThat(overrides.page(buyers, null, 0, 10)).singleElement().satisfies(override -> {
            assertThat(override.visitorId()).isEqualTo(pinned);
            assertThat(override.rule()).isEqualTo(OverrideRule.ALWAYS_IN);
            assertThat(override.synced()).as("the source did not have it").isFalse();
            assertThat(override.pending()).isFalse();
        });

        sync(1, "buyers-2", List.of(pinned), List.of());
        assertThat(overrides.page(buyers, null, 0, 10).get(0).synced()).as("the source has it now").isTrue();
        sync(1, "buyers-3", List.of(), List.of(pinned, other));
        assertThat(audiences.isMember(buyers, pinned)).as("a sync removing it leaves it in").isTrue();
        assertThat(audiences.isMember(buyers, other)).isFalse();
        assertThat(buyers().memberCount()).isEqualTo(1);
        assertThat(overrides.page(buyers, null, 0, 10).get(0).synced()).isFalse();

        audiences.reload();
        assertThat(audiences.isMember(buyers, pinned)).as("a restart finds it in").isTrue();

        assertThat(overrides.remove(buyers, List.of(pinned)).applied()).isTrue();
        assertThat(audiences.isMember(buyers, pinned)).as("given back to a source that removed it").isFalse();
        assertThat(buyers().memberCount()).isZero();
        assertThat(overrides.counts(buyers)).isEqualTo(new OverrideCounts(0, 0));
    }

    @Test
    void anIdKeptAlwaysOutIsNeverAddedAndComesBackWhenGivenBackToASourceThatHasIt() {
        String excluded = "excluded-" + suffix;
        sync(1, "buyers-1", List.of(excluded), List.of());
        long buyers = buyers().id();

        overrides.add(buyers, OverrideRule.ALWAYS_OUT, List.of(excluded));
        assertThat(audiences.isMember(buyers, excluded)).isFalse();
        assertThat(buyers().memberCount()).isZero();

        sync(1, "buyers-2", List.of(excluded), List.of());
        assertThat(audiences.isMember(buyers, excluded)).as("a sync adding it again leaves it out").isFalse();

        overrides.remove(buyers, List.of(excluded));
        assertThat(audiences.isMember(buyers, excluded)).as("the source has it: a member again").isTrue();
        assertThat(buyers().memberCount()).isEqualTo(1);
    }

    @Test
    void aReplacementKeepsTheAlwaysInAndLeavesOutTheAlwaysOut() throws IOException {
        String name = "Newsletter " + suffix;
        String pinned = "pinned-" + suffix;
        String excluded = "excluded-" + suffix;
        CsvImport imported = upload(name, "first-" + suffix, excluded);
        long newsletter = audiences.page(imported.connectorId(), name, false, 0, 1).get(0).id();
        overrides.add(newsletter, OverrideRule.ALWAYS_IN, List.of(pinned));
        overrides.add(newsletter, OverrideRule.ALWAYS_OUT, List.of(excluded));
        assertThat(audiences.find(newsletter).orElseThrow().memberCount()).isEqualTo(2);

        upload(name, "second-" + suffix, excluded);

        assertThat(audiences.isMember(newsletter, pinned)).as("kept in by the replacement").isTrue();
        assertThat(audiences.isMember(newsletter, excluded)).as("kept out of it").isFalse();
        assertThat(audiences.isMember(newsletter, "first-" + suffix)).isFalse();
        assertThat(audiences.isMember(newsletter, "second-" + suffix)).isTrue();
        assertThat(audiences.find(newsletter).orElseThrow().memberCount()).isEqualTo(2);

        overrides.remove(newsletter, List.of(excluded, pinned));
        assertThat(audiences.isMember(newsletter, excluded)).as("the file had it").isTrue();
        assertThat(audiences.isMember(newsletter, pinned)).as("the file had not").isFalse();
    }

    @Test
    void anIdMovesFromOneListToTheOtherAndAnErasureTakesItOffBoth() {
        String visitor = "moving-" + suffix;
        sync(1, "buyers-1", List.of("someone-" + suffix), List.of());
        long buyers = buyers().id();

        overrides.add(buyers, OverrideRule.ALWAYS_IN, List.of(visitor));
        overrides.add(buyers, OverrideRule.ALWAYS_OUT, List.of(visitor));
        assertThat(audiences.isMember(buyers, visitor)).isFalse();
        assertThat(overrides.counts(buyers)).isEqualTo(new OverrideCounts(0, 1));
        overrides.add(buyers, OverrideRule.ALWAYS_IN, List.of(visitor));
        assertThat(audiences.isMember(buyers, visitor)).isTrue();

        erasures.erase(visitor);

        assertThat(audiences.isMember(buyers, visitor)).isFalse();
        assertThat(overrides.counts(buyers)).isEqualTo(new OverrideCounts(0, 0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audience_override WHERE visitor_id = ?").params(visitor)
                .query(Long.class).single()).as("the id is kept nowhere").isZero();
        assertThatThrownBy(() -> overrides.add(buyers, OverrideRule.ALWAYS_IN, List.of(visitor)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("erased")
                .hasMessageContaining("lift their erasure");
    }

    @Test
    void aPasteOfTenThousandIdsAppliesAsOneChangeAndIsAuditedWithoutTheIds() {
        sync(1, "buyers-1", List.of("someone-" + suffix), List.of());
        long buyers = buyers().id();
        List<String> pasted = IntStream.range(0, AudienceOverrideService.MAX_IDS_PER_CHANGE)
                .mapToObj(index -> "bulk-" + index + "-" + suffix).toList();

        assertThat(overrides.add(buyers, OverrideRule.ALWAYS_IN, pasted).applied()).isTrue();

        assertThat(buyers().memberCount()).isEqualTo(10_001);
        assertThat(overrides.counts(buyers)).isEqualTo(new OverrideCounts(10_000, 0));
        assertThat(overrides.audit(buyers, 0, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("ALWAYS_IN");
            assertThat(entry.idCount()).isEqualTo(10_000);
            assertThat(entry.memberKey()).isNull();
            assertThat(entry.actor()).isEqualTo("audience-admin");
            assertThat(entry.describe()).isEqualTo("10000 ids set always in");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audience_override_audit WHERE actor LIKE ? OR action LIKE ?")
                .params("%bulk-%", "%bulk-%").query(Long.class).single()).isZero();
    }

    @Test
    void whatCannotBeIsRefusedWithWhyAndNothingIsChanged() {
        sync(1, "buyers-1", List.of("someone-" + suffix), List.of());
        long buyers = buyers().id();
        List<String> tooMany = IntStream.rangeClosed(0, AudienceOverrideService.MAX_IDS_PER_CHANGE)
                .mapToObj(index -> "many-" + index).toList();

        assertThatThrownBy(() -> overrides.add(buyers, OverrideRule.ALWAYS_IN, tooMany))
                .hasMessageContaining("at most 10000 ids at a time; these are 10001");
        assertThatThrownBy(() -> overrides.add(buyers, OverrideRule.ALWAYS_IN, List.of("fine-" + suffix, "x".repeat(257))))
                .hasMessageContaining("the 2nd id").hasMessageContaining("1 to 256 characters");
        assertThatThrownBy(() -> overrides.add(buyers, OverrideRule.ALWAYS_OUT, List.of()))
                .hasMessageContaining("at least one id");
        assertThatThrownBy(() -> overrides.remove(buyers, List.of("never-" + suffix)))
                .hasMessageContaining("\"never-" + suffix + "\" is neither always in nor always out");
        assertThatThrownBy(() -> overrides.add(-1, OverrideRule.ALWAYS_IN, List.of("x")))
                .hasMessageContaining("Audience -1 does not exist");

        assertThat(overrides.counts(buyers)).isEqualTo(new OverrideCounts(0, 0));
        assertThat(overrides.audit(buyers, 0, 10)).isEmpty();
        assertThat(buyers().memberCount()).isEqualTo(1);
    }

    @Test
    @WithMockUser(username = "viewer", roles = "VIEWER")
    void aViewerSeesHowManyButNeitherTheIdsNorChangesThem() {
        assertThat(overrides.counts(1)).isEqualTo(new OverrideCounts(0, 0));
        assertThatThrownBy(() -> overrides.page(1, null, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> overrides.add(1, OverrideRule.ALWAYS_IN, List.of("x")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void throughTheApiAKeyWithTheAudiencesScopeKeepsIdsInAndOutAndGivesThemBack() {
        String member = "member-" + suffix;
        sync(1, "buyers-1", List.of(member), List.of());
        long buyers = buyers().id();
        String base = "http://localhost:" + port + "/api/v1/audiences/" + buyers + "/overrides";
        NewApiKey pipeline = apiKeys.create("Overrides " + suffix, Set.of(ApiKeyScope.AUDIENCES));
        NewApiKey reader = apiKeys.create("Reader " + suffix, Set.of());

        HttpResponse<String> kept = call("POST", base, "{\"rule\": \"ALWAYS_IN\", \"ids\": [\"api-" + suffix
                + "\"]}", pipeline);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(kept.body()).isEqualTo("{\"ids\":1,\"applied\":true,\"always_in\":1,\"always_out\":0,"
                + "\"members\":2,\"known_visitors\":0}");
        assertThat(call("POST", base, "{\"rule\": \"ALWAYS_OUT\", \"ids\": [\"" + member + "\"]}", pipeline)
                .body()).contains("\"always_out\":1", "\"members\":1");
        assertThat(call("GET", base + "?rule=ALWAYS_OUT", "", pipeline).body()).contains("\"total\":1",
                "\"visitor_id\":\"" + member + "\"", "\"rule\":\"ALWAYS_OUT\"", "\"source_holds\":true");
        assertThat(call("GET", base, "", reader).statusCode()).as("the ids are visitors': not for any key")
                .isEqualTo(403);
        assertThat(call("POST", base, "{\"rule\": \"ALWAYS_IN\", \"ids\": [\"x\"]}", reader).statusCode())
                .isEqualTo(403);
        HttpResponse<String> noRule = call("POST", base, "{\"ids\": [\"x\"]}", pipeline);
        assertThat(noRule.statusCode()).isEqualTo(400);
        assertThat(noRule.body()).contains("rule: give ALWAYS_IN or ALWAYS_OUT");
        assertThat(call("POST", "http://localhost:" + port + "/api/v1/audiences/-5/overrides",
                "{\"rule\": \"ALWAYS_IN\", \"ids\": [\"x\"]}", pipeline).statusCode()).isEqualTo(404);

        assertThat(call("POST", base + "/remove", "{\"ids\": [\"" + member + "\"]}", pipeline).body())
                .contains("\"ids\":1", "\"always_out\":0", "\"members\":2");
        assertThat(call("GET", base + "/audit", "", reader).body()).contains("\"action\":\"REMOVED\"",
                "\"id_count\":1", "\"member_key\":\"").doesNotContain(member);
    }

    private HttpResponse<String> call(String method, String url, String body, NewApiKey key) {
        return Http.send(url, method, body, "Authorization", "Bearer " + key.secret());
    }

    private void sync(int segmentId, String syncTaskId, List<String> added, List<String> removed) {
        heap.send(WebhookDeliveries.page(tokenId, segmentId, "Buyers", syncTaskId, 1, 1, added, removed));
    }

    private Audience buyers() {
        return audiences.page(connectorId, "Buyers", false, 0, 1).get(0);
    }

    private CsvImport upload(String name, String... ids) throws IOException {
        Path file = folder.resolve(UUID.randomUUID() + ".csv");
        Files.writeString(file, String.join("\n", ids) + "\n", StandardCharsets.UTF_8);
        CsvImport imported = csv.importAudience(name, file, "list.csv", new CsvLayout(',', false, 0), (step, done) -> { });
        assertThat(imported.applied()).isTrue();
        return imported;
    }
}
