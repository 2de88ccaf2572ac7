package io.audiencehub;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.audiencehub.audience.AudienceService;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * README.md's "Try it", step by step as a new user follows it, at 1440 x 900: each step finds its
 * controls by the words the README uses. A step the README describes and the product no longer does
 * fails here.
 */
class ReadmeTryItBrowserTest extends BrowserTest {

    private static final LocatorAssertions.ContainsTextOptions A_SYNC = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(20_000);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AudienceService audiences;

    @Test
    void theReadmesTryItWorksAsWritten() {
        page.setViewportSize(1440, 900);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String environment = "Try-it store " + suffix;
        jdbc.sql("INSERT INTO sandbox_heap_environment (id_token, name) VALUES (?, ?)")
                .params(UUID.randomUUID().toString(), environment).update();
        String connector = "Heap " + suffix;
        signIn("admin", "admin");

        // 1. Integrations > Integration Hub, search "heap", Open, Setup connector, name it, Authorize and create
        page.locator("vaadin-side-nav-item[path$='integrations/hub']").click();
        page.locator("#provider-search input").fill("heap");
        assertThat(page.locator("#provider-amplitude")).hasCount(0);
        page.locator("#provider-heap").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open")).click();
        page.waitForURL("**/integrations/hub/heap");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Setup connector")).click();
        page.getByLabel("Connector name").fill(connector);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize and create")).click();

        // 2. pick an environment on the consent page and click Allow: validated, with its TokenID
        page.locator("#environment").selectOption(new SelectOption().setLabel(environment));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allow")).click();
        assertThat(page.locator("#validated-connectors")).containsText(connector);
        assertThat(page.locator("#validated-connectors")).containsText("TokenID");

        // 3. /sandbox/site plays the environment just allowed: 100 visitors simulated
        page.navigate(baseUrl() + "/sandbox/site");
        assertThat(page.locator("#environment option:checked")).hasText(environment);
        page.getByLabel("Number of visitors").fill("100");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simulate visitors")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("100 visitors created");
        page.waitForTimeout(1_500); // the registry's flush publishes the first sightings
        audiences.writeFirstSightings();

        // 4. Heap sandbox: a segment "ABTastyVisitorId is set", exported to Audience Hub and synced now
        page.navigate(baseUrl());
        page.locator("vaadin-side-nav-item[path$='heap-sandbox/segments']").click();
        choose("environment", environment);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New segment")).click();
        String heapSegment = "Tagged visitors " + suffix;
        page.locator("#segment-name input").fill(heapSegment);
        choose("segment-property", "ABTastyVisitorId");
        page.locator("#segment-operator").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("is set")).click();
        page.locator("#save-segment").click();
        page.waitForURL("**/heap-sandbox/segments/*");
        page.locator("#audience-hub-switch").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now")).click();
        // the hundred simulated visitors, and the admin whose visit of the site set the property too
        assertThat(page.locator("#export-status")).containsText("Delivered 101 adds", A_SYNC);

        // 5. Back to Audience Hub, Integrations > Directory: the audience with its members and matched visitors
        page.getByText("Back to Audience Hub").click();
        Locator directory = page.locator("vaadin-side-nav-item[path$='integrations/directory']");
        directory.click();
        assertThat(page.locator("#connections")).isVisible();
        long connectorId = jdbc.sql("SELECT id FROM connector WHERE name = ?").param(connector).query(Long.class).single();
        page.navigate(baseUrl() + "/integrations/directory/" + connectorId);
        Locator audienceRows = page.locator("#audiences");
        assertThat(audienceRows).containsText(heapSegment);
        assertThat(audienceRows).containsText("101");
        assertThat(audienceRows).containsText("available");

        // 6. Segments > New segment: the connector's EXTERNAL DATA item dragged in, the audience picked, saved
        page.navigate(baseUrl() + "/segments");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New segment")).click();
        // the suite's other tests leave many connectors: the palette's search brings this one to the top
        page.locator("#criteria-search input").fill(connector);
        page.getByText("Heap Analytics - " + connector).dragTo(page.locator("#segment-drop-zone"));
        assertThat(page.locator("vaadin-dialog-overlay")).containsText("Heap Analytics - " + connector);
        page.locator("#criterion-audience input").fill(heapSegment);
        // "(N matched)": as many as the hub has counted the sightings of by now
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(heapSegment)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("OK")).click();
        String segment = "Tagged " + suffix;
        page.locator("#segment-name input").fill(segment);
        page.locator("#save-segment").click();
        page.waitForURL(Pattern.compile(".*/segments/\\d+$"));

        // 7. Campaigns > New campaign: a personalization (weights Original 0 %, Variation 1 100 %) on the
        // segment, Variation 1's payload "Selector and HTML", saved, then started from the list
        page.navigate(baseUrl() + "/campaigns");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New campaign")).click();
        String campaign = "Members' offer " + suffix;
        page.locator("#campaign-name input").fill(campaign);
        page.locator("#campaign-type").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Personalization")).click();
        assertThat(page.locator("#weights-total")).hasText("Weights add up to 100 %.");
        page.locator("#campaign-segments input").fill(segment);
        page.locator("vaadin-multi-select-combo-box-item").getByText(segment).click();
        page.keyboard().press("Escape");
        Locator variation = page.getByLabel("Payload").last();
        variation.click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Selector and HTML")).click();
        page.getByLabel("CSS selector").last().fill("#offer");
        page.getByLabel("HTML").last().fill("<b>Members: 20 % off</b>");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save campaign")).click();
        page.waitForURL("**/campaigns");
        Locator start = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start campaign " + campaign));
        // the suite's other tests leave many campaigns: scroll the list as a person would, to the row
        page.locator("#campaigns-list vaadin-grid-cell-content").first().waitFor();
        for (int scrolled = 0; start.count() == 0 && scrolled < 200; scrolled++) {
            page.locator("#campaigns-list").evaluate("grid => grid.$.table.scrollTop += 300");
            page.waitForTimeout(100);
        }
        start.click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause campaign " + campaign)))
                .isVisible();

        // 8. back on the site: you are a member (your visit set the property), and see the offer; another
        // browser profile is another visitor, outside the Heap segment, and does not
        page.navigate(baseUrl() + "/sandbox/site");
        assertThat(page.locator("#offer")).hasText("Members: 20 % off", new LocatorAssertions.HasTextOptions()
                .setTimeout(20_000));
        assertThat(page.locator("#campaigns")).containsText(campaign);
        screenshot("readme-try-it");
        try (BrowserContext stranger = page.context().browser().newContext()) {
            Page other = stranger.newPage();
            other.navigate(baseUrl() + "/sandbox/site");
            assertThat(other.locator("#campaigns")).not().hasText("asking the hub...");
            assertThat(other.locator("#campaigns")).not().containsText(campaign);
            assertThat(other.locator("#offer")).hasText("Free shipping on orders over 50 €.");
        }
    }

    private void choose(String comboBoxId, String item) {
        page.locator("#" + comboBoxId + " input").fill(item);
        page.locator("vaadin-combo-box-item").getByText(item, new Locator.GetByTextOptions().setExact(true)).click();
    }
}
