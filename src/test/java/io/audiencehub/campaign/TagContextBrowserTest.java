package io.audiencehub.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Route;
import io.audiencehub.BrowserTest;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.SegmentService;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** What the site tag tells the decision API about the page: only what the running segments read. */
class TagContextBrowserTest extends BrowserTest {

    @Autowired
    SegmentService segments;
    @Autowired
    CampaignService campaigns;
    @Autowired
    SecurityContextHolderStrategy security;

    @Test
    void aDecisionRequestCarriesOnlyTheCookiesSegmentsReadAndNoFragment() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String readCookie = "plan_" + suffix;
        long campaignId = asAdmin(() -> {
            long segmentId = segments.create("Plan " + suffix, new SegmentDefinition(SegmentDefinition.CURRENT_VERSION,
                    new Group(Combinator.ALL, List.of(new Condition(new Criterion.Cookie(readCookie, "gold"), false)))))
                    .id();
            long id = campaigns.create(new CampaignDraft("Gold " + suffix, CampaignType.PERSONALIZATION, true,
                    List.of(segmentId), 100, List.of(new Variation("gold", "Gold", 100, "{\"gold\": true}", null, null)),
                    null, null)).id();
            campaigns.start(id);
            return id;
        });
        try {
            List<String> bodies = new CopyOnWriteArrayList<>();
            page.onRequest(request -> {
                if (request.url().endsWith("/api/v1/decisions")) {
                    bodies.add(request.postData());
                }
            });
            String path = "/test-site/account";
            page.route(url -> url.startsWith(baseUrl() + path), route -> route.fulfill(new Route.FulfillOptions().setContentType("text/html")
                    .setBody("<!doctype html><html><head><script>document.cookie = '" + readCookie + "=gold; Path=/';"
                            + " document.cookie = 'session_token=secret-" + suffix + "; Path=/';</script>" + tagOnly()
                            + "</head><body>site</body></html>")));
            page.navigate(baseUrl() + path + "?tab=orders#access_token=fragment-" + suffix);
            page.waitForFunction("() => window.AudienceHub && window.AudienceHub.decisions !== null");

            assertThat(bodies).singleElement().satisfies(body -> assertThat(body)
                    .contains("\"cookies\":{\"" + readCookie + "\":\"gold\"}")
                    .contains("\"url\":\"" + baseUrl() + path + "?tab=orders\"")
                    .doesNotContain("secret-" + suffix, "fragment-" + suffix, "session_token", "ABTasty"));
            assertThat(page.evaluate("() => window.AudienceHub.decisions.map(c => c.campaign)"))
                    .as("the criterion still reads its cookie").asList().contains("Gold " + suffix);
        } finally {
            asAdmin(() -> campaigns.end(campaignId));
        }
    }

    private <T> T asAdmin(Callable<T> work) {
        return HeapConnectorsForTests.asAdmin(security, work);
    }

    private static String tagOnly() {
        return "<script src='/tag.js'></script>";
    }
}
