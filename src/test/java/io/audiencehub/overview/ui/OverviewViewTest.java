package io.audiencehub.overview.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.dom.Element;
import io.audiencehub.KaribuTest;
import io.audiencehub.campaign.CampaignDraft;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.campaign.CampaignType;
import io.audiencehub.campaign.Variation;
import io.audiencehub.base.ui.LineChart;
import io.audiencehub.connector.ValidatedConnectors;
import io.audiencehub.overview.Overview.ChangedAudience;
import io.audiencehub.overview.Overview.ConnectorHealth;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.sync.WebhookDeliveries;
import io.audiencehub.visitor.VisitorService;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The page after sign-in: the pipeline's tiles, each with its figures and the way to its screen. */
class OverviewViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    VisitorService visitors;
    @Autowired
    SegmentService segments;
    @Autowired
    CampaignService campaigns;

    @Test
    void theOverviewShowsVisitorsReportedSyncsAudiencesThatChangedAndLeadsToEachScreen() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tokenId = UUID.randomUUID().toString();
        String connector = "Overview " + suffix;
        ValidatedConnectors.insert(jdbc, connector, tokenId, "Acme production");
        WebhookDeliveries heap = new WebhookDeliveries(port);
        heap.send(WebhookDeliveries.page(tokenId, 61, "Grown " + suffix, "task-1", 1, 1,
                List.of("g1-" + suffix, "g2-" + suffix, "g3-" + suffix), List.of()));
        for (int i = 0; i < 3; i++) {
            visitors.report("seen-" + i + "-" + suffix);
        }
        visitors.flush();
        login("vera", "VIEWER");

        UI.getCurrent().navigate("");

        _get(OverviewView.class);
        LineChart visitorsChart = _get(LineChart.class, spec -> spec.withId("overview-visitors"));
        List<Element> rows = rowsOf(visitorsChart.getElement());
        assertThat(rows).as("a header and the 48 hours").hasSize(49);
        assertThat(Long.parseLong(rows.get(48).getChild(1).getText())).as("this hour's reports, in the chart's table")
                .isGreaterThanOrEqualTo(3);
        assertThat(_findAll(this.<ConnectorHealth>grid("overview-connectors"))).extracting(ConnectorHealth::connector)
                .contains(connector);
        assertThat(_findAll(this.<ChangedAudience>grid("overview-audiences"))).filteredOn(change ->
                change.audience().equals("Grown " + suffix)).singleElement().satisfies(change -> {
                    assertThat(change.change()).isEqualTo(3);
                    assertThat(change.connector()).isEqualTo(connector);
                });
        Card syncs = (Card) _get(Grid.class, spec -> spec.withId("overview-connectors")).getParent().orElseThrow();
        assertThat(_get(syncs, Anchor.class, spec -> spec.withText("Open the Directory")).getHref())
                .isEqualTo("integrations/directory");
    }

    /** The rows of the table of figures under a chart. */
    private static List<Element> rowsOf(Element chart) {
        return descendants(chart).filter(element -> !element.isTextNode() && "tr".equals(element.getTag())).toList();
    }

    private static Stream<Element> descendants(Element element) {
        return Stream.concat(Stream.of(element), element.getChildren().flatMap(OverviewViewTest::descendants));
    }

    @Test
    void theRunningCampaignsDecisionsAreChartedPerVariationAndHour() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        login("admin", "ADMIN");
        long segmentId = segments.create("Everyone " + suffix, SegmentDefinition.empty()).id();
        long campaignId = campaigns.start(campaigns.create(new CampaignDraft("Hourly " + suffix,
                CampaignType.PERSONALIZATION, true, List.of(segmentId), 100, List.of(new Variation("banner",
                "Banner " + suffix, 100, "{}", null, null)), null, null)).id()).id();
        jdbc.sql("INSERT INTO campaign_decision_count (campaign_id, variation_key, minute, decisions) VALUES (?, ?, ?, ?)")
                .params(campaignId, "banner", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MINUTES)), 7)
                .update();

        UI.getCurrent().navigate("");

        LineChart decisions = _get(LineChart.class, spec -> spec.withId("overview-decisions"));
        List<Element> rows = rowsOf(decisions.getElement());
        assertThat(rows).as("a header and the 24 hours").hasSize(25);
        int column = rows.get(0).getChildren().map(Element::getText).toList().indexOf("Hourly " + suffix + " / Banner "
                + suffix);
        assertThat(column).as("a line for the campaign's variation").isPositive();
        assertThat(rows.get(24).getChild(column).getText()).as("this hour's decisions").isEqualTo("7");
    }

    @SuppressWarnings("unchecked")
    private <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }
}
