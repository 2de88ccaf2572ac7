package io.audiencehub.segment.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import io.audiencehub.BrowserTest;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.KnownVisitors;
import io.audiencehub.sync.WebhookDeliveries;
import io.audiencehub.visitor.VisitorService;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A real HTML5 drag of the Heap item from EXTERNAL DATA into the segment, then save and reload. */
class SegmentBuilderBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    VisitorService visitors;
    @Autowired
    AudienceService audiences;

    @Test
    void theHeapItemIsDraggedIntoTheSegmentGivenAnAudienceSavedAndFoundIntactAfterAReload() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tokenId = UUID.randomUUID().toString();
        long connectorId = ValidatedConnectors.insert(jdbc, "Drag " + suffix, tokenId, "Acme");
        String visitor = "drag-" + suffix;
        KnownVisitors.see(visitors, audiences, visitor);
        new WebhookDeliveries(port).send(WebhookDeliveries.page(tokenId, 900, "Loyal Customers", "task-1", 1, 1,
                List.of(visitor), List.of()));

        signIn("admin", "admin");
        page.navigate(baseUrl() + "/segments/new");
        Locator heapItem = page.locator("#palette-external-" + connectorId);
        assertThat(heapItem).hasText("Heap Analytics - Drag " + suffix);
        assertThat(page.locator("#palette-group-external-data")).containsText("Heap Analytics - Drag " + suffix);

        heapItem.dragTo(page.locator("#segment-drop-zone"));

        page.locator("#criterion-audience input").click();
        page.locator("vaadin-combo-box-item").getByText("Loyal Customers (1 matched)").click();
        page.locator("#criterion-ok").click();
        assertThat(page.locator("#criterion-0")).containsText("is in Heap Analytics - Drag " + suffix + " / Loyal Customers");
        assertThat(page.locator("#reach-estimate")).hasText("1 known visitors match the EXTERNAL DATA part.");
        for (String inTheRightColumn : List.of("#segment-name", "#save-segment", "#reach-estimate")) {
            BoundingBox box = page.locator(inTheRightColumn).boundingBox();
            org.assertj.core.api.Assertions.assertThat(box.x + box.width)
                    .as("%s fits in 1280 px with the menu open", inTheRightColumn).isLessThanOrEqualTo(1280);
        }
        page.locator("#segment-name input").fill("Loyal " + suffix);
        page.locator("#save-segment").click();
        page.waitForURL(Pattern.compile(".*/segments/\\d+$"));

        page.reload();
        assertThat(page.locator("#segment-name input")).hasValue("Loyal " + suffix);
        assertThat(page.locator("#criterion-0")).containsText("is in Heap Analytics - Drag " + suffix + " / Loyal Customers");
        screenshot("segment-builder");
    }
}
