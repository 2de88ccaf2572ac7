package io.audiencehub;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
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
 * README.md's "Try it" (Heap, then the same with Mixpanel), step by step as a new user follows it, at
 * 1440 x 900: each step finds its controls by the words the README uses. A step the README describes
 * and the product no longer does fails here.
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
        // the audience's page: a chart of its members and matched visitors run by run, its figures in a table
        audienceRows.getByText(heapSegment).click();
        assertThat(page.locator("hub-line-chart[data-drawn='1'] canvas")).isVisible();
        page.getByText("Figures", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#audience-growth table")).containsText("101");
        screenshot("readme-audience-growth");

        // 6. Segments > New segment: the connector's EXTERNAL DATA item dragged in, the audience picked, saved
        String segment = segmentOn("Heap Analytics - " + connector, heapSegment, "Tagged " + suffix);

        // 7. Campaigns > New campaign: a personalization (weights Original 0 %, Variation 1 100 %) on the
        // segment, Variation 1's payload "Selector and HTML", saved, then started from the list
        String campaign = startedPersonalizationOn(segment, "Members' offer " + suffix);

        // 8. back on the site: you are a member (your visit set the property), and see the offer; another
        // browser profile is another visitor, outside the Heap segment, and does not
        page.navigate(baseUrl() + "/sandbox/site");
        assertThat(page.locator("#offer")).hasText("Members: 20 % off", new LocatorAssertions.HasTextOptions()
                .setTimeout(20_000));
        assertThat(page.locator("#campaigns")).containsText(campaign);
        screenshot("readme-try-it");

        // 9. "Why do I see these campaigns?": the visitor inspector, with the audience and the campaign entered
        page.getByText("Why do I see these campaigns?").click();
        page.waitForURL("**/visitors/inspect?visitor=*");
        assertThat(page.locator("#inspection-audiences")).containsText(heapSegment);
        page.getByLabel("Filter the campaigns by name").fill(campaign);
        // three headers and the one row of the campaign filtered for, among the cells the grid keeps
        Locator shown = page.locator("#inspection-campaigns vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(shown).hasCount(6);
        assertThat(shown.filter(new Locator.FilterOptions().setHasText(campaign))).hasCount(1);
        assertThat(shown.filter(new Locator.FilterOptions().setHasText("entered: sees \"Variation 1\""))).hasCount(1);
        screenshot("readme-inspector");

        // the page after sign-in: the overview, its visitors per hour drawn over the 48 hours
        page.navigate(baseUrl());
        assertThat(page.locator("#overview-visitors hub-line-chart[data-drawn='48'] canvas")).isVisible();
        // the suite's other tests leave many connections: the tile lists those needing attention first
        assertThat(page.locator("#overview-connectors")).containsText("Heap Analytics");
        screenshot("readme-overview");
        try (BrowserContext stranger = page.context().browser().newContext()) {
            Page other = stranger.newPage();
            other.navigate(baseUrl() + "/sandbox/site");
            assertThat(other.locator("#campaigns")).not().hasText("asking the hub...");
            assertThat(other.locator("#campaigns")).not().containsText(campaign);
            assertThat(other.locator("#offer")).hasText("Free shipping on orders over 50 €.");
            // the stranger's inspector, as the admin opens it: not in the audience the campaign targets
            String strangerId = other.locator("#visitor-id").textContent();
            page.navigate(baseUrl() + "/visitors/inspect?visitor=" + strangerId);
            page.getByLabel("Filter the campaigns by name").fill(campaign);
            assertThat(page.locator("#inspection-campaigns vaadin-grid-cell-content")
                    .filter(new Locator.FilterOptions().setVisible(true))
                    .filter(new Locator.FilterOptions().setHasText("is not in Heap Analytics - " + connector + " / "
                            + heapSegment))).hasCount(1);
        }
    }

    /**
     * README's "The same with Mixpanel", in the same browser: a Mixpanel connector, pasted into the Mixpanel
     * sandbox's Custom Webhook, a cohort synced, targeted by a campaign, and pushed back to Mixpanel.
     */
    @Test
    void theReadmesMixpanelPathWorksAsWritten() {
        page.setViewportSize(1440, 900);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String connector = "Mixpanel " + suffix;
        signIn("admin", "admin");

        // 1. Integration Hub, search "mixpanel", Open, Setup connector, name it, Create connector: copy what it shows
        page.locator("vaadin-side-nav-item[path$='integrations/hub']").click();
        page.locator("#provider-search input").fill("mixpanel");
        assertThat(page.locator("#provider-amplitude")).hasCount(0);
        page.locator("#provider-mixpanel").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open"))
                .click();
        page.waitForURL("**/integrations/hub/mixpanel");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Setup connector")).click();
        page.getByLabel("Connector name").fill(connector);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create connector")).click();
        String url = page.locator("#mixpanel-url input").inputValue();
        String user = page.locator("#mixpanel-user input").inputValue();
        String password = page.locator("#mixpanel-password input").inputValue();
        assertThat(page.locator("#mixpanel-property input")).hasValue("abtasty_visitor_id");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have copied the password")).click();

        // 2. Mixpanel sandbox > Integrations: a Custom Webhook with them
        page.locator("vaadin-side-nav-item[path$='mixpanel-sandbox/cohorts']").click();
        page.locator("vaadin-side-nav-item[path$='mixpanel-sandbox/integrations']").click();
        String connection = "Audience Hub " + suffix;
        page.getByLabel("Connection name").fill(connection);
        page.getByLabel("Webhook URL").fill(url);
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create connection")).click();
        assertThat(page.locator("#connections")).containsText(connection);

        // 3. the demo site sets your visitor id in Mixpanel; simulated visitors are Mixpanel users too
        page.navigate(baseUrl() + "/sandbox/site");
        assertThat(page.locator("#mixpanel-sent")).containsText("people.set(abtasty_visitor_id = ");
        page.getByLabel("Number of visitors").fill("20");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simulate visitors")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("20 visitors created");
        page.waitForTimeout(1_500); // the registry's flush publishes the first sightings
        audiences.writeFirstSightings();

        // 4. Mixpanel sandbox > Cohorts: "abtasty_visitor_id is set", exported to the connection, synced now
        page.navigate(baseUrl() + "/mixpanel-sandbox/cohorts");
        String cohort = "Tagged users " + suffix;
        page.getByLabel("Cohort name").fill(cohort);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create cohort")).click();
        page.waitForURL("**/mixpanel-sandbox/cohorts/*");
        page.locator("#connection").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(connection)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now")).click();
        assertThat(page.locator("#sync-status")).containsText("Sent the whole cohort", A_SYNC);
        assertThat(page.locator("#delivery-log")).containsText("members");

        // 5. the Directory: the cohort, with its members and matched visitors
        page.getByText("Back to Audience Hub").click();
        long connectorId = jdbc.sql("SELECT id FROM connector WHERE name = ?").param(connector).query(Long.class).single();
        page.navigate(baseUrl() + "/integrations/directory/" + connectorId);
        assertThat(page.locator("#audiences")).containsText(cohort);
        assertThat(page.locator("#audiences")).containsText("available");

        // 6, 7. a segment on "Mixpanel - <connector>", a personalization on it, started
        String segment = segmentOn("Mixpanel - " + connector, cohort, "Mixpanel tagged " + suffix);
        String campaign = startedPersonalizationOn(segment, "Mixpanel offer " + suffix);

        // 8. Integration Hub > Push > Mixpanel: push campaigns through the connector
        page.navigate(baseUrl() + "/integrations/hub");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Push")).click();
        page.locator("#provider-mixpanel-push").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Open")).click();
        page.waitForURL("**/integrations/hub/mixpanel/push");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Push campaigns to Mixpanel through "
                + connector)).check();
        assertThat(page.locator("vaadin-notification-card")).containsText(connector
                + ": campaigns seen are now sent to Mixpanel.");

        // 9. on the site: the member sees the offer, and Mixpanel was told the campaign seen
        page.navigate(baseUrl() + "/sandbox/site");
        assertThat(page.locator("#offer")).hasText("Members: 20 % off", new LocatorAssertions.HasTextOptions()
                .setTimeout(20_000));
        assertThat(page.locator("#mixpanel-sent")).containsText("Event ([");
        assertThat(page.locator("#mixpanel-sent")).containsText("]" + campaign + "[");
        String distinctId = (String) page.evaluate("() => mixpanel.get_distinct_id()");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM sandbox_mixpanel_event WHERE distinct_id = ? AND name = 'Event'
                        AND properties LIKE ?
                        """).params(distinctId, "%]" + campaign + "[%").query(Integer.class).single())
                .as("the Mixpanel sandbox recorded the pushed event").isEqualTo(1);
        screenshot("readme-mixpanel");
    }

    /** Segments > New segment: the EXTERNAL DATA item dragged in, the audience picked, named and saved. */
    private String segmentOn(String paletteItem, String audience, String segment) {
        page.navigate(baseUrl() + "/segments");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New segment")).click();
        // the suite's other tests leave many connectors: the palette's search brings this one to the top
        page.locator("#criteria-search input").fill(paletteItem.substring(paletteItem.indexOf(" - ") + 3));
        page.getByText(paletteItem).dragTo(page.locator("#segment-drop-zone"));
        assertThat(page.locator("vaadin-dialog-overlay")).containsText(paletteItem);
        page.locator("#criterion-audience input").fill(audience);
        // "(N matched)": as many as the hub has counted the sightings of by now
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(audience)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("OK")).click();
        page.locator("#segment-name input").fill(segment);
        page.locator("#save-segment").click();
        page.waitForURL(Pattern.compile(".*/segments/\\d+$"));
        return segment;
    }

    /**
     * Campaigns > New campaign: a personalization (weights Original 0 %, Variation 1 100 %) on the segment,
     * Variation 1's payload "Selector and HTML", saved, then started from the list.
     */
    private String startedPersonalizationOn(String segment, String campaign) {
        page.navigate(baseUrl() + "/campaigns");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New campaign")).click();
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
        Locator pause = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause campaign " + campaign));
        // as each page of rows arrives the grid renders its buttons again: a click on one it is replacing reaches
        // no listener, so a person (and this test) clicks again once the list is still
        for (int attempt = 0; attempt < 3 && start.count() > 0 && pause.count() == 0; attempt++) {
            page.waitForFunction("() => !document.querySelector('#campaigns-list').loading");
            start.click();
            try {
                pause.waitFor(new Locator.WaitForOptions().setTimeout(3_000));
            } catch (TimeoutError stillNotStarted) {
                // the next attempt clicks it again, if it is still there to click
            }
        }
        assertThat(pause).isVisible();
        return campaign;
    }

    private void choose(String comboBoxId, String item) {
        page.locator("#" + comboBoxId + " input").fill(item);
        page.locator("vaadin-combo-box-item").getByText(item, new Locator.GetByTextOptions().setExact(true)).click();
    }
}
