package io.audiencehub.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploaded files are private to the hub's user and never outlive their retention, not even a crash. */
class CsvUploadsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void uploadsAreReadableByTheHubsUserOnly() throws IOException {
        Path folder = temp.resolve("uploads");
        CsvUploads uploads = new CsvUploads(folder, Duration.ofHours(1), CLOCK);

        Path file = uploads.newFile().toPath();

        assertThat(file.getParent()).isEqualTo(folder);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void filesLeftByACrashAreDeletedAtStartAndForgottenOnesOnTheNextSweep() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("uploads"));
        Path leftByACrash = aged(Files.createFile(folder.resolve("upload-1.csv")), Duration.ofHours(2));
        Path recent = aged(Files.createFile(folder.resolve("upload-2.csv")), Duration.ofMinutes(10));

        CsvUploads uploads = new CsvUploads(folder, Duration.ofHours(1), CLOCK);

        assertThat(leftByACrash).doesNotExist();
        assertThat(recent).exists();
        aged(recent, Duration.ofMinutes(61));
        uploads.deleteExpired();
        assertThat(recent).doesNotExist();
    }

    @Test
    void onlyUploadsAreDeleted() throws IOException {
        CsvUploads uploads = new CsvUploads(temp.resolve("uploads"), Duration.ofHours(1), CLOCK);
        Path elsewhere = Files.createFile(temp.resolve("keep.csv"));

        assertThatThrownBy(() -> uploads.delete(temp.resolve("uploads/../keep.csv")))
                .hasMessageContaining("is not an upload");
        assertThat(elsewhere).exists();
    }

    private static Path aged(Path file, Duration age) throws IOException {
        return Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
    }
}
