package io.audiencehub.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audiencehub.IntegrationTest;
import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.KnownVisitors;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.directory.DirectoryService;
import io.audiencehub.segment.ExternalSource;
import io.audiencehub.segment.ExternalData;
import io.audiencehub.visitor.VisitorService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Uploaded files read, checked and imported: bad rows by line, nothing half-imported, a new upload
 * replacing the members as one change, and the audience shown like any source's.
 */
@WithMockUser(username = "admin", roles = "ADMIN")
class CsvAudienceServiceTest extends IntegrationTest {

    private static final CsvProgress QUIET = (step, fraction) -> { };

    @Autowired
    CsvAudienceService csv;
    @Autowired
    AudienceService audiences;
    @Autowired
    VisitorService visitors;
    @Autowired
    DirectoryService directory;
    @Autowired
    ExternalData externalData;
    @Autowired
    ConnectorService connectors;

    @TempDir
    Path folder;
    private String suffix;

    @BeforeEach
    void aSuffix() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSpreadsheetExportIsReadWithItsHeaderAndTheVisitorIdColumnSuggested() throws IOException {
        Path file = write("\uFEFFemail;visitor_id;plan\n", "a@example.com;v-1;free\n", "b@example.com;v-2;paid\n");

        CsvFile inspected = csv.inspect(file, "export.csv");

        assertThat(inspected.columns()).containsExactly("email", "visitor_id", "plan");
        assertThat(inspected.suggested()).isEqualTo(new CsvLayout(';', true, 1));
        assertThat(inspected.firstRows()).hasSize(3);
        CsvCheck check = csv.check(file, inspected.suggested(), QUIET);
        assertThat(check.firstIds()).containsExactly("v-1", "v-2");
        assertThat(check.importable()).isTrue();

        Path plain = write("v-1\n", "v-2\n");
        assertThat(csv.inspect(plain, "ids.txt").suggested()).as("a plain list of ids has no header")
                .isEqualTo(new CsvLayout(',', false, 0));
    }

    @Test
    void everyBadRowIsReportedByItsLineAndDuplicatesAndKnownVisitorsAreCounted() throws IOException {
        String known = "known-" + suffix;
        KnownVisitors.see(visitors, audiences, known);
        Path file = write("visitor id\n", known + "\n", "\n", "a b\n", known + "\n", "fine-" + suffix + "\n",
                "x".repeat(65) + "\n");

        CsvCheck check = csv.check(file, csv.inspect(file, "ids.csv").suggested(), QUIET);

        assertThat(check.rows()).isEqualTo(5);
        assertThat(check.distinctIds()).isEqualTo(2);
        assertThat(check.knownVisitors()).isEqualTo(1);
        assertThat(check.problemCount()).isEqualTo(2);
        assertThat(check.problems()).extracting(CsvProblem::toString).containsExactly(
                "line 4: visitorId may contain only letters, digits, '-' and '_'",
                "line 7: visitorId has 65 characters; at most 64 are allowed");
        assertThat(check.importable()).isFalse();
    }

    @Test
    void anUploadReplacesTheMembersAsOneChangeAndABadFileChangesNothing() throws IOException {
        String name = "Newsletter " + suffix;
        String known = "reader-" + suffix;
        KnownVisitors.see(visitors, audiences, known);
        Path first = write("first-" + suffix + "\n", "second-" + suffix + "\n");

        CsvImport imported = csv.importAudience(name, first, "list.csv", new CsvLayout(',', false, 0), QUIET);
        assertThat(imported.applied()).isTrue();
        Audience audience = audience(imported.connectorId(), name);
        assertThat(audience.memberCount()).isEqualTo(2);
        assertThat(audience.available()).as("no member is a known visitor yet").isFalse();

        Path second = write("second-" + suffix + "\n", known + "\n", "third-" + suffix + "\n");
        csv.importAudience(name.toUpperCase(), second, "list.csv", new CsvLayout(',', false, 0), QUIET);
        Audience replaced = audience(imported.connectorId(), name);
        assertThat(replaced.id()).as("the same audience, whatever the case of its name").isEqualTo(audience.id());
        assertThat(replaced.name()).as("named as the latest upload names it").isEqualTo(name.toUpperCase());
        assertThat(replaced.audienceKey()).as("keyed by its name in lower case").isEqualTo(name.toLowerCase(Locale.ROOT));
        assertThat(replaced.memberCount()).isEqualTo(3);
        assertThat(replaced.matchedCount()).isEqualTo(1);
        assertThat(audiences.lookup(replaced.id(), "first-" + suffix).member()).as("left out by the new file").isFalse();
        assertThat(audiences.lookup(replaced.id(), known).member()).isTrue();

        Path bad = write("fourth-" + suffix + "\n", "not valid!\n");
        assertThatThrownBy(() -> csv.importAudience(name, bad, "bad.csv", new CsvLayout(',', false, 0), QUIET))
                .isInstanceOf(CsvException.class)
                .hasMessage("bad.csv has 1 bad row; nothing was imported. Fix it and upload the file again: line 2:"
                        + " visitorId may contain only letters, digits, '-' and '_'.");
        assertThat(audience(imported.connectorId(), name).memberCount()).as("the previous members stay").isEqualTo(3);
        assertThat(audiences.lookup(replaced.id(), "fourth-" + suffix).member()).isFalse();

        assertThat(directory.audiences(imported.connectorId(), name.toUpperCase(), 0, 10)).singleElement()
                .satisfies(listed -> assertThat(listed.hiddenReason()).isNull());
        assertThat(directory.syncHistory(imported.connectorId(), replaced.audienceKey(), 0, 10)).hasSize(2);
        assertThat(externalData.sources()).filteredOn(source -> source.connectorId() == imported.connectorId())
                .singleElement().satisfies(source -> assertThat(source.label()).startsWith("CSV audiences - Uploaded files"));
        assertThat(externalData.availableAudiences(imported.connectorId(), name, 0, 10)).hasSize(1);
        assertThat(csv.uploaded(0, 1_000)).extracting(CsvAudience::name).contains(name.toUpperCase());
    }

    @Test
    void afterTheUploadsConnectorIsDisconnectedTheNextUploadStartsANewOneAndTheOldKeepsItsHistory() throws IOException {
        Path file = write("kept-" + suffix + "\n");
        CsvImport before = csv.importAudience("Before " + suffix, file, "a.csv", new CsvLayout(',', false, 0), QUIET);
        connectors.disconnect(before.connectorId());

        CsvImport after = csv.importAudience("After " + suffix, file, "a.csv", new CsvLayout(',', false, 0), QUIET);

        assertThat(after.connectorId()).isNotEqualTo(before.connectorId());
        Connector previous = connectors.find(before.connectorId()).orElseThrow();
        Connector current = connectors.find(after.connectorId()).orElseThrow();
        assertThat(current.name()).startsWith("Uploaded files").isNotEqualTo(previous.name());
        assertThat(audiences.page(before.connectorId(), "Before " + suffix, false, 0, 10)).hasSize(1);
        assertThat(csv.uploaded(0, 1_000)).extracting(CsvAudience::name).contains("After " + suffix)
                .doesNotContain("Before " + suffix);
    }

    @Test
    void aNameIsRequiredAndAnEmptyFileIsRefused() throws IOException {
        Path file = write("v-1\n");
        assertThatThrownBy(() -> csv.importAudience(" ", file, "ids.csv", new CsvLayout(',', false, 0), QUIET))
                .hasMessageStartingWith("Give the audience a name");
        assertThatThrownBy(() -> csv.inspect(write("\n", "\n"), "blank.csv")).isInstanceOf(CsvException.class)
                .hasMessageContaining("is empty");
    }

    private Audience audience(long connectorId, String name) {
        return audiences.page(connectorId, name, false, 0, 10).stream().filter(found -> found.name().equalsIgnoreCase(name))
                .findFirst().orElseThrow();
    }

    private Path write(String... lines) throws IOException {
        Path file = Files.createTempFile(folder, "upload", ".csv");
        List<String> all = new ArrayList<>(List.of(lines));
        Files.writeString(file, String.join("", all), StandardCharsets.UTF_8);
        return file;
    }
}
