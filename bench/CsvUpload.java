import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * An admin's upload of a 1,000,000-row CSV audience in Debian's Chromium against a running hub: the
 * upload, the check (every row read and validated, known visitors counted) and the import, then a
 * second upload under the same name that replaces 10 % of the members. Run by bench/csv-upload.sh.
 *
 * Argument: hub base URL.
 */
public class CsvUpload {

    private static final int ROWS = 1_000_000;
    private static final double TIMEOUT = 600_000;

    public static void main(String[] args) throws Exception {
        String hub = args[0];
        Path first = write("first", 0);
        Path second = write("second", ROWS / 10);
        System.out.printf("files: %d rows, %.1f MB each%n", ROWS, Files.size(first) / 1e6);
        try (Playwright playwright = Chromium.playwright()) {
            Browser browser = Chromium.launch(playwright);
            Page page = browser.newPage();
            page.setDefaultTimeout(TIMEOUT);
            Chromium.signInAsAdmin(page, hub);
            upload(page, hub, first, "first upload (new audience)");
            upload(page, hub, second, "second upload (replaces 10 % of the members)");
        } finally {
            Files.deleteIfExists(first);
            Files.deleteIfExists(second);
        }
    }

    private static void upload(Page page, String hub, Path file, String what) {
        page.navigate(hub + "/integrations/hub/csv");
        long started = System.nanoTime();
        page.locator("#csv-upload input[type='file']").setInputFiles(file);
        PlaywrightAssertions.assertThat(page.locator("#csv-file-name")).hasText("File: " + file.getFileName(),
                new LocatorAssertions.HasTextOptions().setTimeout(TIMEOUT));
        long uploaded = System.nanoTime();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check file")).click();
        PlaywrightAssertions.assertThat(page.locator("#csv-summary")).hasText(Pattern.compile(ROWS + " rows, " + ROWS
                + " distinct ids"), new LocatorAssertions.HasTextOptions().setTimeout(TIMEOUT));
        long checked = System.nanoTime();
        page.locator("#csv-audience-name input").fill("Bench audience");
        page.locator("#csv-audience-name input").press("Enter");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import audience")).click();
        PlaywrightAssertions.assertThat(page.locator("#csv-status")).hasText(Pattern.compile("Imported \"Bench audience\": "
                + ROWS + " ids"), new LocatorAssertions.HasTextOptions().setTimeout(TIMEOUT));
        long imported = System.nanoTime();
        System.out.printf("%s: upload %.1f s, check %.1f s, import %.1f s, total %.1f s; %s%n", what,
                (uploaded - started) / 1e9, (checked - uploaded) / 1e9, (imported - checked) / 1e9,
                (imported - started) / 1e9, page.locator("#csv-status").textContent());
    }

    /** email,visitor_id rows; the last {@code changed} ids differ from the first file's. */
    private static Path write(String name, int changed) throws Exception {
        Path file = Files.createTempFile("bench-" + name, ".csv");
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("email,visitor_id\n");
            for (int i = 0; i < ROWS; i++) {
                boolean other = i >= ROWS - changed;
                writer.write("reader" + i + "@example.com,v" + (other ? "new" : "") + i + "-bench-visitor\n");
            }
        }
        return file;
    }
}
