package io.audiencehub.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        Files.deleteIfExists(dataDir.resolveSibling("data.password"));
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

    @Test
    void rootHasAPasswordKeptOwnerOnlyNextToTheDataAndNoOtherPasswordIsAccepted() throws IOException, SQLException {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(settings)) {
            Path passwordFile = dataDir.resolveSibling("data.password");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "root", "").close())
                    .as("no password").isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "root", "guess").close())
                    .as("a wrong one").isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            try (Connection connection = connect(server)) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    /** Also how a data folder made by a version whose server ran without grant tables is closed. */
    @Test
    void aPasswordFileMadeAnewIsTheOnlyPasswordAtTheNextStart() throws IOException, SQLException {
        String first;
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(settings)) {
            first = server.password();
        }
        Files.delete(dataDir.resolveSibling("data.password"));

        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(settings)) {
            assertThat(server.password()).isNotEqualTo(first);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "root", first).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            try (Connection connection = connect(server)) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThat(dataDir.resolveSibling("data-server/tmp/init.sql")).as("the password is not left in the init file")
                    .doesNotExist();
        }
    }

    private static Connection connect(EmbeddedMariaDb server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }
}
