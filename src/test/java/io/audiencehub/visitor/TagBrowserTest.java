package io.audiencehub.visitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.audiencehub.BrowserTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The site tag in a real browser, on pages of a site served from the hub's own origin. */
class TagBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    VisitorService visitors;

    private final List<String> reports = new CopyOnWriteArrayList<>();

    @Test
    void theVisitorIdIsCreatedInTheCookieThenReusedAndReportedOncePerSession() {
        page.onRequest(request -> {
            if (request.url().endsWith("/api/v1/visitors/seen")) {
                reports.add(request.postData());
            }
        });
        String id = open(page, "/test-site/page-one", tagOnly());
        assertThat(id).matches("[A-Za-z0-9]{16}");
        assertThat(cookie(page.context())).isEqualTo("uid%3D" + id);

        assertThat(open(page, "/test-site/page-two", tagOnly())).as("the same visitor on the next page").isEqualTo(id);
        page.waitForTimeout(300);
        assertThat(reports).containsExactly("{\"visitorId\":\"" + id + "\"}");

        visitors.flush();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM visitor WHERE id = ?").param(id).query(Integer.class).single())
                .isEqualTo(1);

        Page nextSession = page.context().newPage();
        nextSession.onRequest(request -> {
            if (request.url().endsWith("/api/v1/visitors/seen")) {
                reports.add(request.postData());
            }
        });
        assertThat(open(nextSession, "/test-site/page-one", tagOnly())).as("a new tab: a new session, the same cookie")
                .isEqualTo(id);
        nextSession.waitForTimeout(300);
        assertThat(reports).hasSize(2);
    }

    @Test
    void aSiteProvidedIdIsHashedBeforeItIsUsed() throws Exception {
        String html = "<script>window.audienceHubConfig = {visitorId: 'jane@example.com'};</script>"
                + "<script src='/tag.js'></script>";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("jane@example.com".getBytes(StandardCharsets.UTF_8))).substring(0, 16);

        assertThat(open(page, "/test-site/signed-in", html)).isEqualTo(expected);
    }

    @Test
    void whenHeapLoadsBeforeTheTagTheIdIsSetInHeapAtOnce() {
        String html = "<script src='/sandbox/heap/heap.js'></script><script>heap.load('" + environmentId() + "');</script>"
                + "<script src='/tag.js'></script>";
        String id = open(page, "/test-site/heap-first", html);

        assertThat(heapProperty(heapUser(page))).isEqualTo(id);
    }

    @Test
    void whenHeapLoadsAfterTheTagTheTagWaitsForItAndSetsTheIdThen() {
        String html = "<script src='/tag.js'></script><script>setTimeout(function () {"
                + " var s = document.createElement('script'); s.src = '/sandbox/heap/heap.js';"
                + " s.onload = function () { heap.load('" + environmentId() + "'); }; document.head.appendChild(s);"
                + " }, 1200);</script>";
        String id = open(page, "/test-site/heap-later", html);
        page.waitForFunction("() => window.heap && window.heap.sent && window.heap.sent.length > 0");

        // heap.js counts a call as sent when it leaves the page; the sandbox stores it a moment later
        await().pollInSameThread().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_heap_user_property WHERE value = ?").param(id)
                        .query(Integer.class).single()).isEqualTo(1));
        assertThat(heapProperty(heapUser(page))).isEqualTo(id);
    }

    @Test
    void withMixpanelOnThePageTheIdIsSetAsTheConnectorsPropertyEvenWhenMixpanelLoadsLater() {
        String standIn = "window.mixpanel = {people: {sets: [], set: function (p) { this.sets.push(p); }}};";
        String ready = open(page, "/test-site/mixpanel", "<script>" + standIn + " mixpanel.__loaded = true;</script>"
                + tagOnly());
        page.waitForFunction("() => window.mixpanel.people.sets.length > 0");
        assertThat(page.evaluate("() => window.mixpanel.people.sets[0].abtasty_visitor_id")).isEqualTo(ready);

        Page later = page.context().newPage();
        String id = open(later, "/test-site/mixpanel-later", "<script>window.audienceHubConfig = {mixpanelProperty:"
                + " 'hub_visitor'}; " + standIn + " setTimeout(function () { mixpanel.__loaded = true; }, 800);"
                + "</script>" + tagOnly());
        later.waitForTimeout(300);
        assertThat(later.evaluate("() => window.mixpanel.people.sets.length")).as("nothing before Mixpanel is loaded")
                .isEqualTo(0);
        later.waitForFunction("() => window.mixpanel.people.sets.length > 0");
        assertThat(later.evaluate("() => window.mixpanel.people.sets[0].hub_visitor")).isEqualTo(id);
    }

    @Test
    void theDemoSiteCarriesHeapAndTheTagAndAnAdminSimulatesVisitorsReportedToTheHubOverHttp() {
        // the environment this test reads from; without one the site plays the one a hub connected to last
        page.navigate(baseUrl() + "/sandbox/site?environment=" + environmentId());
        page.waitForFunction("() => document.getElementById('visitor-id').textContent.length === 16");
        String id = page.locator("#visitor-id").textContent();
        assertThat(heapProperty(heapUser(page))).isEqualTo(id);
        Locator simulate = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simulate visitors"));
        simulate.click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("Sign in to the hub as an admin to simulate visitors.");

        signIn("admin", "admin");
        page.navigate(baseUrl() + "/sandbox/site?environment=" + environmentId());
        long before = jdbc.sql("SELECT COUNT(*) FROM sandbox_heap_user_property WHERE name = 'ABTastyVisitorId'")
                .query(Long.class).single();
        page.getByLabel("Number of visitors").fill("12");
        simulate.click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("12 visitors created: known to the"
                + " hub, carrying ABTastyVisitorId in Heap and abtasty_visitor_id in Mixpanel.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_heap_user_property WHERE name = 'ABTastyVisitorId'")
                .query(Long.class).single()).isEqualTo(before + 12);
        String simulated = page.locator("#first-simulated").textContent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_mixpanel_user_property WHERE name = 'abtasty_visitor_id'"
                + " AND value = ?").param(simulated).query(Integer.class).single())
                .as("the site carries Mixpanel too: the simulated visitor is a Mixpanel user").isEqualTo(1);
        visitors.flush();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM visitor WHERE id = ?").param(simulated).query(Integer.class).single())
                .as("reported by the page to the public visitor endpoint").isEqualTo(1);
        screenshot("demo-site");
    }

    @Test
    void withConsentAwaitedTheTagSetsNoCookieAndCallsNothingUntilGivenAndStopsWhenWithdrawn() {
        List<String> calls = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/")) {
                calls.add(request.url());
            }
        });
        String path = "/test-site/consent";
        page.route(baseUrl() + path, route -> route.fulfill(new Route.FulfillOptions().setContentType("text/html")
                .setBody("<!doctype html><html><head><script>window.audienceHubConfig = {waitForConsent: true};</script>"
                        + tagOnly() + "</head><body>site</body></html>")));
        page.navigate(baseUrl() + path);
        page.waitForFunction("() => window.AudienceHub && typeof window.AudienceHub.consent === 'function'");
        page.waitForTimeout(500);

        assertThat(calls).as("no report, no decision before consent").isEmpty();
        assertThat(cookie(page.context())).as("no cookie before consent").isNull();
        assertThat(page.evaluate("() => window.AudienceHub.visitorId")).isNull();

        page.evaluate("() => window.AudienceHub.consent(true)");
        String id = (String) page.evaluate("() => window.AudienceHub.visitorId");
        assertThat(id).matches("[A-Za-z0-9]{16}");
        assertThat(cookie(page.context())).isEqualTo("uid%3D" + id);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(calls)
                .anyMatch(url -> url.endsWith("/api/v1/visitors/seen"))
                .anyMatch(url -> url.endsWith("/api/v1/decisions")));

        page.evaluate("() => window.AudienceHub.consent(false)");
        assertThat(cookie(page.context())).as("withdrawn: the cookie goes").isNull();
        assertThat(page.evaluate("() => window.AudienceHub.visitorId")).isNull();
    }

    private String open(Page target, String path, String body) {
        target.route(baseUrl() + path, route -> route.fulfill(new Route.FulfillOptions()
                .setContentType("text/html").setBody("<!doctype html><html><head>" + body + "</head><body>site</body></html>")));
        target.navigate(baseUrl() + path);
        target.waitForFunction("() => window.audienceHub && window.audienceHub.visitorId");
        return (String) target.evaluate("() => window.audienceHub.visitorId");
    }

    private static String tagOnly() {
        return "<script src='/tag.js'></script>";
    }

    private static String cookie(BrowserContext context) {
        return context.cookies().stream().filter(cookie -> cookie.name.equals("ABTasty")).findFirst()
                .map(cookie -> cookie.value).orElse(null);
    }

    private String heapUser(Page target) {
        target.waitForFunction("() => window.heap && window.heap.sent && window.heap.sent.length > 0");
        target.evaluate("() => Promise.all(window.heap.sent)");
        return (String) target.evaluate("() => window.heap.userId");
    }

    private String heapProperty(String heapUser) {
        return jdbc.sql("""
                        SELECT value FROM sandbox_heap_user_property
                        WHERE environment_id = ? AND user_id = ? AND name = 'ABTastyVisitorId'
                        """)
                .params(environmentId(), heapUser).query(String.class).single();
    }

    private long environmentId() {
        return jdbc.sql("SELECT MIN(id) FROM sandbox_heap_environment").query(Long.class).single();
    }
}
