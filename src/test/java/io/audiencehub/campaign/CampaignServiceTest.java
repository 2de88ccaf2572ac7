package io.audiencehub.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.audiencehub.IntegrationTest;
import io.audiencehub.connector.HeapConnectorsForTests;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithMockUser;

/** Campaigns stored, changed and moved through their statuses, with only the transitions that make sense. */
@WithMockUser(username = "admin", roles = "ADMIN")
class CampaignServiceTest extends IntegrationTest {

    @Autowired
    CampaignService campaigns;
    @Autowired
    SegmentService segments;
    @Autowired
    SecurityContextHolderStrategy security;

    private String suffix;
    private long segmentId;

    @BeforeEach
    void aSegment() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        segmentId = HeapConnectorsForTests.asAdmin(security,
                () -> segments.create("Returning " + suffix, SegmentDefinition.empty()).id());
    }

    @Test
    void aNewCampaignIsADraftWithEverythingItWasGiven() {
        Campaign campaign = campaigns.create(draft("Welcome back " + suffix, 50));

        assertThat(campaign.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(campaign).extracting(Campaign::type, Campaign::segmentIds, Campaign::trafficPercent)
                .containsExactly(CampaignType.AB_TEST, List.of(segmentId), 40);
        assertThat(campaign.variations()).extracting(Variation::name, Variation::weight)
                .containsExactly(tuple("Original", 50), tuple("Banner", 50));
        assertThat(campaign.updatedBy()).isEqualTo("admin");
        assertThat(campaigns.page(0, 10_000)).extracting(Campaign::id).contains(campaign.id());
        assertThatThrownBy(() -> campaigns.create(draft("Welcome back " + suffix, 50)))
                .isInstanceOf(CampaignException.class)
                .hasMessage("name: another campaign is already named \"Welcome back " + suffix + "\".");
    }

    @Test
    void aRunningCampaignKeepsItsVariationsUntilItIsPausedAndAnEndedOneIsFinal() {
        long id = campaigns.create(draft("Spring " + suffix, 50)).id();
        assertThat(campaigns.start(id).status()).isEqualTo(CampaignStatus.RUNNING);

        assertThatThrownBy(() -> campaigns.save(id, draft("Spring " + suffix, 70)))
                .isInstanceOf(CampaignException.class).hasMessageContaining("is running").hasMessageContaining("Pause it");
        CampaignDraft renamed = draft("Spring sale " + suffix, 50);
        assertThat(campaigns.save(id, renamed).name()).as("other settings change while it runs")
                .isEqualTo("Spring sale " + suffix);

        assertThat(campaigns.pause(id).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaigns.save(id, draft("Spring sale " + suffix, 70)).variations().get(0).weight()).isEqualTo(70);
        assertThat(campaigns.start(id).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(campaigns.end(id).status()).isEqualTo(CampaignStatus.ENDED);

        assertThatThrownBy(() -> campaigns.start(id)).isInstanceOf(CampaignException.class)
                .hasMessage("Campaign \"Spring sale " + suffix + "\" is ended: it cannot become running; an ended"
                        + " campaign is final.");
        assertThatThrownBy(() -> campaigns.save(id, draft("Spring sale " + suffix, 70)))
                .hasMessageContaining("has ended and can no longer change");
    }

    @Test
    void aDraftCannotBePausedAndAnInvalidCampaignIsNotStored() {
        long id = campaigns.create(draft("Draft " + suffix, 50)).id();
        assertThatThrownBy(() -> campaigns.pause(id)).hasMessageContaining("is draft: it cannot become paused");

        assertThatThrownBy(() -> campaigns.save(id, draft("Draft " + suffix, 60, 50, segmentId)))
                .hasMessage("variations: the weights add up to 110 %; they must add up to 100 %.");
        assertThat(campaigns.find(id).orElseThrow().variations().get(0).weight()).isEqualTo(50);
    }

    @Test
    void onlyADraftIsDeletedAndACampaignThatRanIsKept() {
        long draft = campaigns.create(draft("Never ran " + suffix, 50)).id();
        campaigns.delete(draft);
        assertThat(campaigns.find(draft)).isEmpty();

        long ran = campaigns.create(draft("Ran " + suffix, 50)).id();
        campaigns.start(ran);
        campaigns.end(ran);
        assertThatThrownBy(() -> campaigns.delete(ran)).isInstanceOf(CampaignException.class)
                .hasMessage("Campaign \"Ran " + suffix + "\" is ended: only a draft can be deleted; end a campaign"
                        + " that ran instead.");
        assertThat(campaigns.find(ran)).isPresent();
    }

    @Test
    @WithMockUser(username = "vera", roles = "VIEWER")
    void aViewerSeesCampaignsButChangesNothing() {
        assertThatThrownBy(() -> campaigns.create(draft("Viewer " + suffix, 50)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(campaigns.page(0, 10_000)).noneMatch(campaign -> campaign.name().equals("Viewer " + suffix));
    }

    private CampaignDraft draft(String name, int originalWeight) {
        return draft(name, originalWeight, 100 - originalWeight, segmentId);
    }

    private static CampaignDraft draft(String name, int originalWeight, int bannerWeight, long segmentId) {
        return new CampaignDraft(name, CampaignType.AB_TEST, true, List.of(segmentId), 40, List.of(
                new Variation("original", Variation.ORIGINAL, originalWeight, null, null, null),
                new Variation("banner", "Banner", bannerWeight, null, "#hero h1", "<h1>Welcome back</h1>")), null, null);
    }
}
