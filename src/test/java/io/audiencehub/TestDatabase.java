package io.audiencehub;

import io.audiencehub.database.DatabaseProperties;
import io.audiencehub.database.EmbeddedMariaDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * The MariaDB the tests run against: the server named by {@code AUDIENCEHUB_TEST_DB_URL} (CI sets it
 * to the machine's MariaDB 10.11), or else one embedded MariaDB 11.4 for the whole test run, started
 * on first use on a fresh data folder under {@code target/}.
 */
public final class TestDatabase {

    private static final String EXTERNAL_URL = System.getenv("AUDIENCEHUB_TEST_DB_URL");
    private static String embeddedUrl;

    private TestDatabase() {
    }

    /** The JDBC URL of the shared test schema. */
    public static String url() {
        return url("");
    }

    /** The JDBC URL of a schema of its own, for a test that must not share state with the others. */
    public static synchronized String url(String schemaSuffix) {
        String base = EXTERNAL_URL != null && !EXTERNAL_URL.isBlank() ? EXTERNAL_URL : embedded();
        if (schemaSuffix.isEmpty()) {
            return base;
        }
        int query = base.indexOf('?');
        String path = query < 0 ? base : base.substring(0, query);
        String parameters = query < 0 ? "" : base.substring(query + 1);
        String withSchema = path + "_" + schemaSuffix + "?" + parameters;
        return parameters.contains("createDatabaseIfNotExist") ? withSchema
                : withSchema + (parameters.isEmpty() ? "" : "&") + "createDatabaseIfNotExist=true";
    }

    private static String embedded() {
        if (embeddedUrl == null) {
            Path dataDir = Path.of("target", "test-mariadb", "data");
            try {
                FileSystemUtils.deleteRecursively(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedMariaDb server = EmbeddedMariaDb.start(
                    new DatabaseProperties.Embedded(dataDir, 0, "audiencehub_test", true));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-mariadb-stop"));
            embeddedUrl = server.jdbcUrl() + "?user=" + server.user() + "&password=" + server.password()
                    + "&createDatabaseIfNotExist=true";
        }
        return embeddedUrl;
    }
}
