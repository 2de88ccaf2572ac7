package io.audiencehub.base;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files and folders that hold secrets (keys, passwords, uploads): created readable by the hub's user
 * only from their first instant, and tightened when an operator or an older hub left them open.
 * POSIX only, as the hub is.
 */
public final class OwnerOnlyFiles {

    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    public static FileAttribute<Set<PosixFilePermission>> fileAttribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    /** A new file holding {@code content}; fails if the file exists. */
    public static Path create(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.createFile(file, fileAttribute());
        return Files.writeString(file, content);
    }

    /** The folder, made if missing, owner-only whether it was made now or before. */
    public static Path folder(Path folder) throws IOException {
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        Files.setPosixFilePermissions(folder, FOLDER);
        return folder;
    }

    /** Makes an existing file owner-only, saying so when it was not. */
    public static void tighten(Path file, String what) throws IOException {
        Set<PosixFilePermission> found = Files.getPosixFilePermissions(file);
        if (!found.equals(FILE)) {
            log.warn("{} {} was readable by others ({}); it is now rw------- (owner only)",
                    what, file.toAbsolutePath(), PosixFilePermissions.toString(found));
            Files.setPosixFilePermissions(file, FILE);
        }
    }
}
