package io.audiencehub.database;

import io.audiencehub.base.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded server's {@code root} password: generated on first start into {@code <data-dir>.password}
 * (beside the lock file), owner-only, and read from there on every later start and by the backup script.
 */
final class EmbeddedPassword {

    private EmbeddedPassword() {
    }

    static Path fileOf(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".password");
    }

    /** The password kept for {@code dataDir}, made now if there is none yet. */
    static String of(Path dataDir) throws IOException {
        Path file = fileOf(dataDir);
        if (Files.notExists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            // URL-safe base64 has no quote or backslash, so it goes into SQL and JDBC URLs as it is
            OwnerOnlyFiles.create(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
        } else {
            OwnerOnlyFiles.tighten(file, "The embedded database's password file");
        }
        String password = Files.readString(file).strip();
        if (!password.matches("[A-Za-z0-9_-]{16,}")) {
            throw new IllegalStateException("The embedded database's password file " + file.toAbsolutePath()
                    + " does not hold a password this hub made; delete it to have a new one made");
        }
        return password;
    }

    /**
     * Run by the server at every start, before it takes connections: the hub connects over TCP from
     * 127.0.0.1, the scripts and an operator's client through the owner-only socket, both with the password.
     */
    static String setSql(String user, String password) {
        return """
                CREATE USER IF NOT EXISTS '%1$s'@'127.0.0.1' IDENTIFIED BY '%2$s';
                ALTER USER '%1$s'@'127.0.0.1' IDENTIFIED BY '%2$s';
                GRANT ALL PRIVILEGES ON *.* TO '%1$s'@'127.0.0.1' WITH GRANT OPTION;
                CREATE USER IF NOT EXISTS '%1$s'@'localhost' IDENTIFIED BY '%2$s';
                ALTER USER '%1$s'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('%2$s');
                GRANT ALL PRIVILEGES ON *.* TO '%1$s'@'localhost' WITH GRANT OPTION;
                """.formatted(user, password);
    }
}
