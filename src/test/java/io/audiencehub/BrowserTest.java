package io.audiencehub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;

/**
 * The product in Debian's Chromium, driven by Playwright; never a downloaded browser. Without
 * Chromium these tests are skipped with the command that installs it, except on CI, where a
 * missing browser is a failure.
 */
@Tag("browser")
public abstract class BrowserTest extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    protected static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;
    protected Page page;
    private final List<String> contentSecurityPolicyViolations = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "Browser tests need Debian's Chromium at " + CHROMIUM
                    + ": install it with 'apt-get update && apt-get install -y chromium'.";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void closeChromium() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
        page.setDefaultTimeout(30_000);
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                contentSecurityPolicyViolations.add(page.url() + ": " + message.text());
            }
        });
    }

    /** The page as the test left it, to see what a failed test saw; every page it saw kept to the hub's CSP. */
    @AfterEach
    void closePage(TestInfo test) {
        screenshot("last-" + test.getTestClass().map(Class::getSimpleName).orElse("") + "-"
                + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse(""));
        page.context().close();
        assertThat(contentSecurityPolicyViolations).as("Content-Security-Policy errors in the console").isEmpty();
    }

    /** Signs in through the login form, as a person would. */
    protected void signIn(String username, String password) {
        page.navigate(baseUrl() + "/login");
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
