package io.audiencehub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiencehub.TestDatabase;
import io.audiencehub.sync.WebhookDeliveries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * scripts/backup.sh while a hub runs, scripts/restore.sh into an empty database, a hub started on
 * it: the same connectors, audiences and members, segments, campaigns and decisions, read with the
 * API key made before the backup, and custom sources' secrets still readable with the same token key.
 */
class BackupRestoreTest {

    @TempDir
    Path folder;

    /** On the test database: the machine's MariaDB 10.11 in CI's second run. */
    @Test
    @Tag("database")
    void anExternalDatabaseBackedUpWhileTheHubRunsIsRestoredIntoAnEmptyOneAsItWas() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String source = TestDatabase.url("backup_source_" + suffix);
        String target = TestDatabase.url("backup_target_" + suffix);
        Path tokenKey = folder.resolve("token.key");
        Path backup = folder.resolve("hub.sql.gz");

        ObjectNode before;
        Hubs.Filled filled;
        try (ConfigurableApplicationContext hub = Hubs.start(Map.of("audiencehub.db.url", source,
                "audiencehub.crypto.token-key-file", tokenKey.toString()))) {
            filled = Hubs.fill(hub);
            before = HubSnapshot.read(Hubs.port(hub), filled.apiKey());
            DatabaseScripts.backup(Map.of("AUDIENCEHUB_DB_URL", source), backup);
        }

        DatabaseScripts.restore(Map.of("AUDIENCEHUB_DB_URL", target), backup);
        DatabaseScripts.Result again = DatabaseScripts.run("scripts/restore.sh", Map.of("AUDIENCEHUB_DB_URL", target),
                backup, false);
        assertThat(again.status()).as("a database that holds tables is not restored into").isNotZero();
        assertThat(again.output()).contains("holds").contains("restore into an empty database");

        try (ConfigurableApplicationContext restored = Hubs.start(Map.of("audiencehub.db.url", target,
                "audiencehub.crypto.token-key-file", tokenKey.toString()))) {
            assertSameAndSecretsReadable(restored, before, filled);
        }
    }

    /** Its own embedded server, whichever the test database is. */
    @Test
    void theEmbeddedDatabaseBackedUpWhileTheHubRunsIsRestoredIntoANewDataFolderAsItWas() throws IOException {
        Path dataDir = folder.resolve("data").resolve("mariadb");
        Map<String, Object> hubSettings = Map.of("audiencehub.db.embedded.data-dir", dataDir.toString(),
                "audiencehub.crypto.token-key-file", folder.resolve("data/token.key").toString());
        Map<String, String> scriptSettings = Map.of("AUDIENCEHUB_DB_EMBEDDED_DATADIR", dataDir.toString());
        Path backup = folder.resolve("hub.sql.gz");

        ObjectNode before;
        Hubs.Filled filled;
        try (ConfigurableApplicationContext hub = Hubs.start(hubSettings)) {
            filled = Hubs.fill(hub);
            before = HubSnapshot.read(Hubs.port(hub), filled.apiKey());
            DatabaseScripts.backup(scriptSettings, backup);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                .as("the backup holds password hashes and encrypted tokens").isEqualTo("rw-------");
        DatabaseScripts.Result inUse = DatabaseScripts.run("scripts/restore.sh", scriptSettings, backup, false);
        assertThat(inUse.status()).as("the data folder in place is never overwritten").isNotZero();
        assertThat(inUse.output()).contains("move it aside");

        Files.move(dataDir, dataDir.resolveSibling("mariadb.old"));
        DatabaseScripts.restore(scriptSettings, backup);

        try (ConfigurableApplicationContext restored = Hubs.start(hubSettings)) {
            assertSameAndSecretsReadable(restored, before, filled);
        }
    }

    private static void assertSameAndSecretsReadable(ConfigurableApplicationContext restored, ObjectNode before,
                                                     Hubs.Filled filled) {
        int port = Hubs.port(restored);
        assertThat(HubSnapshot.read(port, filled.apiKey())).isEqualTo(before);
        // a custom source's deliveries are checked with its secret, stored encrypted with the token key
        String page = WebhookDeliveries.page(filled.customSourceId(), 7, "Warehouse VIP", "vip-2", 1, 1,
                List.of("visitor-02"), List.of());
        assertThat(WebhookDeliveries.toCustomSource(port, filled.customSourceId(), "not-its-secret").send(page).statusCode())
                .isEqualTo(403);
        assertThat(filled.toCustomSource(port).send(page).statusCode()).isEqualTo(200);
    }
}
