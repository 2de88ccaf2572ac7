package io.audiencehub.campaign.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Cookie;
import io.audiencehub.BrowserTest;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.campaign.CampaignDraft;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.campaign.CampaignType;
import io.audiencehub.campaign.Variation;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.sandbox.heap.SandboxOAuthService;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.segment.SegmentsForTests;
import io.audiencehub.sync.WebhookDeliveries;
import java.security.SecureRandom;
import org.assertj.core.api.Assertions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The whole loop in a real browser: a Heap segment synced to the hub, a campaign on it, and the demo
 * site's tag applying the variation for a member of the segment and not for anyone else.
 */
class CampaignBrowserTest extends BrowserTest {

    @Autowired
    ConnectorService connectors;
    @Autowired
    SandboxOAuthService sandbox;
    @Autowired
    AudienceService audiences;
    @Autowired
    SegmentService segments;
    @Autowired
    CampaignService campaigns;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberOfTheHeapSegmentSeesTheVariationOnTheSiteAndAnotherVisitorDoesNot() {
        Connector connector = HeapConnectorsForTests.connect(heapAuthorization, connectors, sandbox, security, port);
        long environment = HeapConnectorsForTests.environmentOf(sandbox, connector).id();
        String member = visitorId();
        new WebhookDeliveries(port).send(WebhookDeliveries.page(connector.tokenId(), 501, "Loyal buyers", "task-1", 1, 1,
                List.of(member), List.of()));
        String campaign = "Loyalty offer " + member;
        HeapConnectorsForTests.asAdmin(security, () -> {
            long audienceId = audiences.page(connector.id(), "", false, 0, 1).get(0).id();
            long segmentId = segments.create("Loyal buyers " + member, SegmentsForTests.memberOf(connector.id(), audienceId)).id();
            return campaigns.startAnyway(campaigns.create(new CampaignDraft(campaign, CampaignType.PERSONALIZATION, true,
                    List.of(segmentId), 100, List.of(new Variation("members", "Members' offer", 100, null, "#offer",
                    "<b>Members: 20 % off everything</b>")), null, null)).id());
        });
        HeapConnectorsForTests.asAdmin(security, () -> {
            campaignPush.set(connector.id(), true);
            return null;
        });
        String site = baseUrl() + "/sandbox/site?environment=" + environment;

        page.context().addCookies(List.of(new Cookie("ABTasty", "uid%3D" + member).setUrl(baseUrl())));
        page.navigate(site);
        assertThat(page.locator("#visitor-id")).hasText(member);
        assertThat(page.locator("#offer")).hasText("Members: 20 % off everything");
        assertThat(page.locator("#campaigns")).containsText(campaign + ": Members' offer");
        assertThat(page.locator("#heap-events")).containsText("AB Tasty campaign seen (" + campaign + ": Members' offer)");
        String heapUser = (String) page.evaluate("() => heap.userId");
        Assertions.assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM sandbox_heap_event WHERE environment_id = ? AND user_id = ?
                        AND name = 'AB Tasty campaign seen' AND properties LIKE ?
                        """).params(environment, heapUser, "%" + campaign + "%").query(Integer.class).single())
                .as("Heap under Push: the sandbox's Heap recorded the campaign the member saw").isEqualTo(1);
        Assertions.assertThat(jdbc.sql("""
                        SELECT value FROM sandbox_heap_user_property WHERE environment_id = ? AND user_id = ? AND name = ?
                        """).params(environment, heapUser, "AB Tasty - " + campaign).query(String.class).single())
                .isEqualTo("Members' offer");
        screenshot("demo-site-member");

        Browser browser = page.context().browser();
        try (BrowserContext stranger = browser.newContext()) {
            Page other = stranger.newPage();
            other.navigate(site);
            assertThat(other.locator("#campaigns")).not().hasText("asking the hub...");
            assertThat(other.locator("#campaigns")).not().containsText(campaign);
            assertThat(other.locator("#offer")).hasText("Free shipping on orders over 50 €.");
        }
    }

    /** The finding at 1440 px with the menu open: the row's actions sat past the list's right edge. */
    @Test
    void fromTheNarrowestSupportedWidthARowsNameAndActionsAreInViewWithoutScrollingSideways() {
        String suffix = visitorId();
        // sorted by name: first in the list, so that its long texts are among those the columns are sized for
        String name = "000 A campaign named at length to see whether the list of campaigns still fits " + suffix;
        HeapConnectorsForTests.asAdmin(security, () -> {
            long segmentId = segments.create("Visitors of a segment whose name is long as well " + suffix,
                    new SegmentDefinition(SegmentDefinition.CURRENT_VERSION, new Group(Combinator.ALL, List.of()))).id();
            return campaigns.create(new CampaignDraft(name, CampaignType.AB_TEST, true, List.of(segmentId), 100,
                    List.of(new Variation("original", Variation.ORIGINAL, 25, null, null, null),
                            new Variation("a", "Green call to action with a banner", 25, "{}", null, null),
                            new Variation("b", "Blue call to action with a banner", 25, "{}", null, null),
                            new Variation("c", "Red call to action with a banner", 25, "{}", null, null)),
                    null, null)).id();
        });
        // and a running personalization beside it: the widest type and the most actions (Pause and End)
        HeapConnectorsForTests.asAdmin(security, () -> {
            long segmentId = segments.create("Everyone " + suffix, new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
                    new Group(Combinator.ALL, List.of()))).id();
            return campaigns.startAnyway(campaigns.create(new CampaignDraft("000 B running personalization " + suffix,
                    CampaignType.PERSONALIZATION, true, List.of(segmentId), 100, List.of(new Variation("offer",
                    "Offer", 100, "{}", null, null)), null, null)).id());
        });
        signIn("admin", "admin");
        for (int width : new int[] {1280, 1440}) {
            page.setViewportSize(width, 900);
            page.navigate(baseUrl() + "/campaigns");
            Locator start = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start campaign " + name));
            start.waitFor();
            BoundingBox list = page.locator("#campaigns-list").boundingBox();
            BoundingBox action = start.boundingBox();
            BoundingBox title = page.getByText(name, new Page.GetByTextOptions().setExact(true)).boundingBox();
            Assertions.assertThat(action.x + action.width).as("Start's right edge at %d px", width)
                    .isLessThanOrEqualTo(list.x + list.width);
            Assertions.assertThat(title.x).as("the name's left edge at %d px", width).isGreaterThanOrEqualTo(list.x);
            // once the grid has sized its columns for the rows it shows, nothing is left to scroll sideways
            page.waitForFunction("() => { const table = document.querySelector('#campaigns-list').$.table;"
                    + " return table.scrollWidth <= table.clientWidth; }", null,
                    new Page.WaitForFunctionOptions().setTimeout(5_000));
            screenshot("campaign-list-" + width);
        }
    }

    private static String visitorId() {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            id.append(letters.charAt(random.nextInt(letters.length())));
        }
        return id.toString();
    }
}
