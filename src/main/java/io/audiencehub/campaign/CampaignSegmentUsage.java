package io.audiencehub.campaign;

import io.audiencehub.segment.SegmentUsage;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Tells the segments feature which campaigns target a segment, so that it is not deleted from under them. */
@Component
class CampaignSegmentUsage implements SegmentUsage {

    private final CampaignRepository campaigns;

    CampaignSegmentUsage(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public List<String> usagesOf(long segmentId) {
        return usagesOf(List.of(segmentId)).getOrDefault(segmentId, List.of());
    }

    @Override
    public Map<Long, List<String>> usagesOf(Collection<Long> segmentIds) {
        return campaigns.campaignsOf(segmentIds).stream().collect(Collectors.groupingBy(
                CampaignRepository.CampaignOfSegment::segmentId,
                Collectors.mapping(use -> "campaign \"" + use.campaignName() + "\" (" + use.status().label()
                        .toLowerCase(Locale.ROOT) + ")", Collectors.toList())));
    }
}
