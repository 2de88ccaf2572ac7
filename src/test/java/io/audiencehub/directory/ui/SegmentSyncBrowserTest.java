package io.audiencehub.directory.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.audiencehub.BrowserTest;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.sandbox.heap.SandboxEnvironment;
import io.audiencehub.sandbox.heap.SandboxOAuthService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * In a real browser: a segment defined in the Heap sandbox, exported to Audience Hub and synced over
 * the webhook, then found in the hub's Directory with its members and matched visitors; an admin keeps one of
 * them out by hand, then gives it back to the source.
 */
class SegmentSyncBrowserTest extends BrowserTest {

    @Autowired
    ConnectorService connectors;
    @Autowired
    SandboxOAuthService sandbox;
    @Autowired
    AudienceService audiences;
    @Autowired
    SecurityContextHolderStrategy security;

    @Test
    void aSegmentSyncedFromTheSandboxShowsUpInTheDirectory() {
        Connector connector = HeapConnectorsForTests.connect(heapAuthorization, connectors, sandbox, security, port);
        SandboxEnvironment environment = HeapConnectorsForTests.environmentOf(sandbox, connector);
        signIn("admin", "admin");
        page.navigate(baseUrl() + "/sandbox/site?environment=" + environment.id());
        page.getByLabel("Number of visitors").fill("5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simulate visitors")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("5 visitors created");
        String visitor = page.locator("#first-simulated").textContent();
        audiencesCountTheSightings();
        page.navigate(baseUrl());
        page.locator("vaadin-side-nav-item[path$='heap-sandbox/segments']").click();
        page.waitForURL("**/heap-sandbox/segments");
        choose("environment", environment.name());
        page.locator("#new-segment").click();
        page.locator("#segment-name input").fill("Carries the visitor id");
        choose("segment-property", "ABTastyVisitorId");
        page.locator("#segment-operator").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("is set")).click();
        page.locator("#save-segment").click();

        page.waitForURL("**/heap-sandbox/segments/*");
        page.locator("#audience-hub-switch").click();
        assertThat(page.locator("#heap-user-id")).containsText("ABTastyVisitorId");
        page.locator("#confirm-export").click();
        page.locator("#sync-now").click();
        // the five simulated visitors and the admin who opened the demo site, whose tag set the property too;
        // the status follows the sync by itself (server push), with no Refresh to click
        assertThat(page.locator("#export-status")).containsText("Delivered 6 adds", new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        screenshot("heap-sandbox-export");

        page.navigate(baseUrl() + "/integrations/directory");
        assertThat(page.locator("#connections")).isVisible();
        // other tests leave many connections: open this one by its address rather than scroll the grid to it
        page.navigate(baseUrl() + "/integrations/directory/" + connector.id());
        Locator audienceRows = page.locator("#audiences");
        assertThat(audienceRows).containsText("Carries the visitor id");
        audienceRows.getByText("Carries the visitor id").click();
        page.locator("#member-lookup-id input").fill(visitor);
        page.locator("#member-lookup").click();
        assertThat(page.locator("#member-lookup-result")).hasText(visitor
                + " is in this audience (a known visitor).");
        assertThat(page.locator("#sync-history")).containsText("complete");
        screenshot("directory-audience");

        Download ids = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Download the ids sync .+ added and removed$"))).first().click());
        Assertions.assertThat(ids.suggestedFilename()).endsWith("-ids.csv");
        try {
            Assertions.assertThat(Files.readString(ids.path())).as("the run's ids, the admin's among them")
                    .startsWith("change,id").contains("added," + visitor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        page.getByLabel(Pattern.compile("^Ids, one per line")).fill(visitor);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep always out")).click();
        assertThat(page.locator("#override-result")).hasText("1 id kept always out: members and matched visitors are"
                + " counted again.");
        assertThat(page.locator("#override-counts")).containsText("1 id kept always out");
        page.locator("#member-lookup").click();
        assertThat(page.locator("#member-lookup-result")).hasText(visitor + " is not in this audience (a known visitor).");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop keeping " + visitor + " always out"))
                .click();
        assertThat(page.locator("#override-counts")).containsText("0 ids kept always out");
        page.locator("#member-lookup").click();
        assertThat(page.locator("#member-lookup-result")).hasText(visitor + " is in this audience (a known visitor).");
    }

    private void choose(String comboBoxId, String item) {
        page.locator("#" + comboBoxId + " input").fill(item);
        page.locator("vaadin-combo-box-item").getByText(item, new Locator.GetByTextOptions().setExact(true)).click();
    }

    private void audiencesCountTheSightings() {
        page.waitForTimeout(1_500); // the registry's flush publishes the first sightings
        audiences.writeFirstSightings();
    }
}
