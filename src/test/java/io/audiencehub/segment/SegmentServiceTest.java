package io.audiencehub.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.KnownVisitors;
import io.audiencehub.campaign.CampaignDraft;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.campaign.CampaignType;
import io.audiencehub.campaign.Variation;
import io.audiencehub.connector.ConnectorException;
import io.audiencehub.connector.HeapConnectedTest;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.sync.WebhookDeliveries;
import io.audiencehub.visitor.VisitorService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Segments against real audiences: evaluation, flags, deletion rules and who may change them. */
@WithMockUser(username = "admin", roles = "ADMIN")
class SegmentServiceTest extends HeapConnectedTest {

    @Autowired
    CampaignService campaigns;
    @Autowired
    SegmentService segments;
    @Autowired
    SegmentPreviews previews;
    @Autowired
    SegmentTargeting targeting;
    @Autowired
    AudienceService audiences;
    @Autowired
    VisitorService visitors;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String member = "member-" + suffix;
    private SegmentDefinition inTheAudience;

    @BeforeEach
    void anAvailableAudience() {
        KnownVisitors.see(visitors, audiences, member);
        new WebhookDeliveries(port).send(WebhookDeliveries.page(connector.tokenId(), 7, "Buyers", "task-1", 1, 1,
                List.of(member), List.of()));
        long audienceId = audiences.page(connector.id(), "", true, 0, 1).get(0).id();
        inTheAudience = new SegmentDefinition(1, new Group(Combinator.ALL, List.of(
                new Condition(new Criterion.ExternalAudience(connector.id(), audienceId), false))));
    }

    @Test
    void aVisitorIsEvaluatedAgainstTheImportedAudience() {
        Segment segment = segments.create("Buyers " + suffix, inTheAudience);

        PreparedSegments prepared = targeting.prepare(List.of(segment.definition()));
        assertThat(prepared.forVisitor(visitor(member)).test(0)).isTrue();
        assertThat(prepared.forVisitor(visitor("someone-else")).test(0)).isFalse();
        SegmentPreview preview = previews.preview(segment.definition());
        assertThat(preview.reach()).isEqualTo(new ReachEstimate(1L, false));
        assertThat(preview.summary()).isEqualTo("is in Heap Analytics - " + connector.name() + " / Buyers");
        assertThat(preview.conditionTexts()).containsExactly(preview.summary());
        assertThat(preview.warnings()).isEmpty();
    }

    @Test
    void aDisconnectedConnectorIsFlaggedAndTheCriterionKept() {
        Segment segment = segments.create("Buyers " + suffix, inTheAudience);
        assertThatThrownBy(() -> HeapConnectorsForTests.asAdmin(security, () -> {
            connectors.delete(connector.id());
            return null;
        })).rootCause().isInstanceOf(ConnectorException.class).hasMessageContaining("1 segment");

        disconnect();

        assertThat(previews.preview(segment.definition()).warnings()).singleElement().satisfies(warning ->
                assertThat(warning).isEqualTo("\"Buyers\": connector \"" + connector.name() + "\" is disconnected"));
        assertThat(segments.find(segment.id()).orElseThrow().definition()).isEqualTo(inTheAudience);
    }

    @Test
    void aSegmentInUseIsNotDeletedAndNamesAreUnique() {
        Segment segment = segments.create("Buyers " + suffix, inTheAudience);
        campaigns.create(new CampaignDraft("Winter sale " + suffix, CampaignType.PERSONALIZATION, true,
                List.of(segment.id()), 100, List.of(new Variation("banner", "Banner", 100, "{\"banner\": \"-20 %\"}",
                null, null)), null, null));

        assertThatThrownBy(() -> segments.delete(segment.id())).isInstanceOf(SegmentException.class)
                .hasMessage("Segment \"Buyers " + suffix + "\" cannot be deleted: it is used by campaign \"Winter sale "
                        + suffix + "\" (draft).");
        assertThat(segments.usages(segment.id())).containsExactly("campaign \"Winter sale " + suffix + "\" (draft)");
        assertThat(segments.page(0, 10_000)).filteredOn(summary -> summary.id() == segment.id()).singleElement()
                .satisfies(summary -> assertThat(summary.usedBy()).isEqualTo(1));
        assertThatThrownBy(() -> segments.create("Buyers " + suffix, inTheAudience))
                .hasMessage("Another segment is already named \"Buyers " + suffix + "\".");
        assertThat(segments.duplicate(segment.id()).name()).isEqualTo("Copy of Buyers " + suffix);
        assertThat(segments.duplicate(segment.id()).name()).isEqualTo("Copy of Buyers " + suffix + " (2)");
    }

    @Test
    @WithMockUser(username = "vera", roles = "VIEWER")
    void aViewerCannotChangeSegments() {
        assertThatThrownBy(() -> segments.create("Viewer " + suffix, SegmentDefinition.empty()))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static VisitorContext visitor(String visitorId) {
        return new VisitorContext(visitorId, null, null, null, null, null, null, null, Instant.now());
    }
}
