package io.audiencehub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.Http;
import io.audiencehub.TestDatabase;
import io.audiencehub.sync.WebhookDeliveries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database written by the hub of an earlier commit (src/test/resources/upgrade), restored as an
 * operator would, migrated by today's hub as it starts: it answers all that the earlier hub answered,
 * its API key still reads and writes, and its connectors' secrets still decrypt with the same token key.
 */
@Tag("database")
class UpgradeTest {

    private static final Path FIXTURE = Path.of("src/test/resources/upgrade/3e26810");

    @TempDir
    Path folder;

    @Test
    void aDatabaseOfCommit3e26810MigratesWithEveryAudienceCampaignAndDecisionAsBefore() throws IOException {
        JsonNode fixture = new ObjectMapper().readTree(FIXTURE.resolve("expected.json").toFile());
        Path tokenKey = Files.writeString(folder.resolve("token.key"), fixture.path("token_key").asText() + "\n");
        String database = TestDatabase.url("upgrade_" + UUID.randomUUID().toString().substring(0, 8));
        DatabaseScripts.restore(Map.of("AUDIENCEHUB_DB_URL", database), FIXTURE.resolve("hub.sql.gz"));

        try (ConfigurableApplicationContext hub = Hubs.start(Map.of("audiencehub.db.url", database,
                "audiencehub.crypto.token-key-file", tokenKey.toString(),
                // the fixture's visitors were last seen on 2026-12-02: they must not age out of a later run
                "audiencehub.visitors.retention", "36500d"))) {
            int port = Hubs.port(hub);
            String key = fixture.path("api_key").asText();
            HubSnapshot.assertHolds(HubSnapshot.read(port, key), fixture.path("snapshot"), "snapshot");

            String customSource = fixture.path("custom_source_id").asText();
            assertThat(WebhookDeliveries.toCustomSource(port, customSource, fixture.path("custom_source_secret").asText())
                    .send(WebhookDeliveries.page(customSource, 7, "Warehouse VIP", "vip-2", 1, 1, List.of("visitor-02"),
                            List.of())).statusCode())
                    .as("the custom source's secret, encrypted by the earlier hub, decrypts").isEqualTo(200);
            assertThat(Http.send("http://localhost:" + port + "/api/v1/segments", "POST", """
                    {"name": "After the upgrade", "definition": {"version": 1, "root": {"type": "group",
                     "combinator": "ALL", "children": []}}}""", "Authorization", "Bearer " + key).statusCode())
                    .as("a read-and-write key of then may still change segments").isEqualTo(201);
        }
    }
}
