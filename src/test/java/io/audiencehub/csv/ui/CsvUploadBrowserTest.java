package io.audiencehub.csv.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import io.audiencehub.BrowserTest;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.KnownVisitors;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.csv.CsvAudience;
import io.audiencehub.csv.CsvAudienceService;
import io.audiencehub.visitor.VisitorService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * An admin uploads a spreadsheet export in Chromium: the column of visitor ids is offered, the check
 * moves the progress bar and previews the first ids with the known visitors counted, and the import
 * makes the audience.
 */
class CsvUploadBrowserTest extends BrowserTest {

    private static final int ROWS = 150_000;

    @Autowired
    CsvAudienceService csv;
    @Autowired
    VisitorService visitors;
    @Autowired
    AudienceService audiences;
    @Autowired
    SecurityContextHolderStrategy security;

    @Value("${audiencehub.csv.upload-folder}")
    Path uploadFolder;

    @TempDir
    Path folder;

    @Test
    void aSpreadsheetExportIsCheckedWithProgressAndPreviewThenImported() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String known = "known-" + suffix;
        KnownVisitors.see(visitors, audiences, known);
        Path file = folder.resolve("newsletter.csv");
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("email,visitor_id\n");
            writer.write("known@example.com," + known + "\n");
            for (int i = 1; i < ROWS; i++) {
                writer.write("reader" + i + "@example.com,r" + i + "-" + suffix + "\n");
            }
        }
        signIn("admin", "admin");
        page.navigate(baseUrl() + "/integrations/hub/csv");

        page.locator("#csv-upload input[type='file']").setInputFiles(file);
        assertThat(page.locator("#csv-file-name")).hasText("File: newsletter.csv");
        assertThat(page.locator("#csv-column")).containsText("Column 2: visitor_id");
        assertThat(page.getByLabel("The first line names the columns")).isChecked();

        page.evaluate("() => { const bar = document.getElementById('csv-progress'); window.seenProgress = [];"
                + " new MutationObserver(() => window.seenProgress.push(bar.value)).observe(bar,"
                + " {attributes: true, attributeFilter: ['aria-valuenow', 'indeterminate']}); }");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Check file")).click();

        assertThat(page.locator("#csv-summary")).hasText(ROWS + " rows, " + ROWS + " distinct ids, 1 of them known"
                + " visitors.", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.locator("#csv-status")).hasText("Checked: ready to import.");
        assertThat(page.locator("#csv-preview li").first()).hasText(known);
        assertThat(page.locator("#csv-preview li")).hasCount(10);
        @SuppressWarnings("unchecked")
        List<Object> seen = (List<Object>) page.evaluate("() => window.seenProgress");
        Assertions.assertThat(seen).as("the progress bar moved during the check")
                .anySatisfy(value -> Assertions.assertThat(((Number) value).doubleValue()).isStrictlyBetween(0.0, 1.0));
        assertThat(page.locator("#csv-progress")).hasAttribute("aria-valuenow", "1");

        String name = "Newsletter readers " + suffix;
        Locator audienceName = page.locator("#csv-audience-name input");
        audienceName.fill(name);
        audienceName.press("Enter");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Import audience"))
                .click();

        assertThat(page.locator("#csv-status")).hasText(Pattern.compile("Imported \"" + name + "\": " + ROWS
                + " ids, 1 known visitors"), new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                .setTimeout(120_000));
        assertThat(page.locator("#csv-audiences")).containsText(name);
        try (var files = Files.list(uploadFolder)) {
            Assertions.assertThat(files).as("the file with its e-mail column, once imported").isEmpty();
        }
        Assertions.assertThat(HeapConnectorsForTests.asAdmin(security, () -> csv.uploaded(0, 1_000))).filteredOn(
                audience -> audience.name().equals(name)).singleElement().extracting(CsvAudience::members,
                CsvAudience::knownVisitors).containsExactly((long) ROWS, 1L);
    }

    @Test
    void aFileOverTheLimitSentPastTheBrowsersCheckIsRefusedByTheServer() {
        signIn("admin", "admin");
        page.navigate(baseUrl() + "/integrations/hub/csv");
        page.locator("#csv-upload").waitFor();
        Object status = page.evaluate("async () => {"
                + " const upload = document.getElementById('csv-upload');"
                + " const form = new FormData();"
                + " form.append('file', new Blob([new Uint8Array(201 * 1024 * 1024)], {type: 'text/csv'}), 'huge.csv');"
                + " const answer = await fetch(upload.target, {method: 'POST', body: form});"
                + " return answer.status; }");

        Assertions.assertThat(((Number) status).intValue()).as("the server's answer").isGreaterThanOrEqualTo(400);
        assertThat(page.locator("#csv-file-name")).not().isVisible();
    }
}
