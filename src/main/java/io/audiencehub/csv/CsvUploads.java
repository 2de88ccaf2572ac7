package io.audiencehub.csv;

import io.audiencehub.base.OwnerOnlyFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where uploaded CSV files wait to be checked and imported: one folder that only this hub's user can
 * read, each file deleted once imported or when its view closes, and any file older than
 * {@code audiencehub.csv.upload-retention} deleted at start and every few minutes, so that a crash or a
 * forgotten tab never keeps the files' other columns (e-mail addresses, names) for long.
 */
@Component
class CsvUploads {

    private static final Logger log = LoggerFactory.getLogger(CsvUploads.class);

    private final Path folder;
    private final Duration retention;
    private final Clock clock;

    CsvUploads(@Value("${audiencehub.csv.upload-folder}") Path folder,
               @Value("${audiencehub.csv.upload-retention}") Duration retention, Clock clock) throws IOException {
        this.folder = folder;
        this.retention = retention;
        this.clock = clock;
        // a folder made before, by hand or by an older hub, is made owner-only too
        OwnerOnlyFiles.folder(folder);
        deleteExpired();
    }

    /** A new empty file for one upload, readable by this hub's user only. */
    File newFile() {
        try {
            return Files.createTempFile(folder, "upload-", ".csv", OwnerOnlyFiles.fileAttribute()).toFile();
        } catch (IOException e) {
            throw new UncheckedIOException("No file can be created for the upload in " + folder
                    + "; check that the folder (audiencehub.csv.upload-folder) is writable", e);
        }
    }

    /** Deletes an upload that is no longer needed; a file already gone is fine. */
    void delete(Path file) {
        if (!file.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(file + " is not an upload: only files in " + folder + " are deleted");
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the upload {}; it is deleted within {}", file, retention, e);
        }
    }

    @Scheduled(fixedDelay = 5, initialDelay = 5, timeUnit = TimeUnit.MINUTES)
    void deleteExpired() {
        Instant before = clock.instant().minus(retention);
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> modifiedBefore(file, before)).forEach(file -> {
                delete(file);
                log.info("Deleted the upload {}, left for more than {}", file.getFileName(), retention);
            });
        } catch (IOException e) {
            log.warn("Could not list the uploads in {}", folder, e);
        }
    }

    private static boolean modifiedBefore(Path file, Instant before) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (IOException e) {
            return false;
        }
    }
}
