package io.audiencehub.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

class EmbeddedMariaDbTest {

    private final Path dataDir = Path.of("target", "embedded-mariadb-test", "data");
    private final DatabaseProperties.Embedded settings = new DatabaseProperties.Embedded(dataDir, 0, "hub", true);

    @BeforeEach
    void freshFolder() throws IOException {
        FileSystemUtils.deleteRecursively(dataDir);
    }

    /** Under java.io.tmpdir on purpose: a data folder there must survive as well as anywhere else. */
    @Test
    void dataWrittenBeforeAStopIsThereAfterTheNextStart(@TempDir Path folder) throws SQLException {
        var settings = new DatabaseProperties.Embedded(folder.resolve("data"), 0, "hub", true);
        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(settings);
             Connection connection = connect(first);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id INT PRIMARY KEY, note VARCHAR(20))");
            statement.execute("INSERT INTO kept VALUES (1, 'survives')");
        }

        try (EmbeddedMariaDb second = EmbeddedMariaDb.start(settings);
             Connection connection = connect(second);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT note, VERSION() FROM kept WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("survives");
            assertThat(rows.getString(2)).startsWith("11.4.");
        }
    }

    @Test
    void aSecondServerOnTheSameFolderIsRefusedWithAMessageThatSaysWhatToDo() throws SQLException {
        try (EmbeddedMariaDb running = EmbeddedMariaDb.start(settings)) {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(settings))
                    .isInstanceOf(EmbeddedDatabaseInUseException.class)
                    .hasMessageContaining(dataDir.toAbsolutePath().normalize().toString())
                    .hasMessageContaining("already in use")
                    .extracting(e -> ((EmbeddedDatabaseInUseException) e).action()).asString()
                    .contains("AUDIENCEHUB_DB_URL");
            try (Connection connection = connect(running);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).as("the running server keeps working").isTrue();
            }
        }
    }

    private static Connection connect(EmbeddedMariaDb server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), "root", "");
    }
}
