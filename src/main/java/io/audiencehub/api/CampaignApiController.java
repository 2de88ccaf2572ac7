package io.audiencehub.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.audiencehub.campaign.Campaign;
import io.audiencehub.campaign.CampaignDraft;
import io.audiencehub.campaign.CampaignService;
import io.audiencehub.campaign.CampaignStatus;
import io.audiencehub.campaign.CampaignType;
import io.audiencehub.campaign.Variation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns: their settings, and starting, pausing and ending them (docs/decisions.md). */
@RestController
@RequestMapping(path = ApiDocs.BASE + "/campaigns", produces = ApiDocs.JSON)
@SecurityRequirement(name = ApiDocs.API_KEY)
@Tag(name = "Campaigns")
class CampaignApiController {

    /**
     * @param key kept from the stored variation when changing a campaign; made when left out
     * @param json the payload as a JSON object, or {@code selector} and {@code html}; the original has none
     */
    record VariationBody(String key, String name, Integer weight, @Schema(type = "object") JsonNode json,
                         String selector, String html) {
    }

    /**
     * What a client sets; left out: all_segments true, no segments, traffic 100 %, keep_visitors as the type
     * does (A/B tests keep them, personalizations do not), no dates.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CampaignBody(String name, CampaignType type, Boolean allSegments, List<Long> segmentIds,
                        Integer trafficPercent, Boolean keepVisitors, List<VariationBody> variations, Instant startAt,
                        Instant endAt) {
    }

    record VariationItem(String key, String name, int weight, @JsonRawValue @Schema(type = "object") String json,
                         String selector, String html) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CampaignItem(long id, String name, CampaignType type, CampaignStatus status, boolean allSegments,
                        List<Long> segmentIds, int trafficPercent, boolean keepVisitors, List<VariationItem> variations,
                        Instant startAt, Instant endAt, String updatedBy, Instant updatedAt) {

        static CampaignItem of(Campaign campaign) {
            return new CampaignItem(campaign.id(), campaign.name(), campaign.type(), campaign.status(),
                    campaign.allSegments(), campaign.segmentIds(), campaign.trafficPercent(), campaign.keepVisitors(),
                    campaign.variations().stream().map(variation -> new VariationItem(variation.key(), variation.name(),
                            variation.weight(), variation.json(), variation.selector(), variation.html())).toList(),
                    campaign.startAt(), campaign.endAt(), campaign.updatedBy(),
                    campaign.updatedAt());
        }
    }

    private final CampaignService campaigns;

    CampaignApiController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Operation(summary = "Campaigns, newest first")
    @GetMapping
    ApiPage<CampaignItem> list(@RequestParam(defaultValue = "0") int offset,
                               @RequestParam(defaultValue = Paging.DEFAULT_LIMIT) int limit) {
        Paging paging = new Paging(offset, limit);
        return new ApiPage<>(campaigns.page(paging.offset(), paging.limit()).stream().map(CampaignItem::of).toList(),
                campaigns.count(), offset, limit);
    }

    @Operation(summary = "One campaign")
    @GetMapping("/{campaignId}")
    CampaignItem get(@PathVariable long campaignId) {
        return campaigns.find(campaignId).map(CampaignItem::of)
                .orElseThrow(() -> ApiProblem.notFound("Campaign " + campaignId));
    }

    @Operation(summary = "Creates a campaign, in Draft")
    @PostMapping
    ResponseEntity<CampaignItem> create(@RequestBody CampaignBody body) {
        CampaignItem created = CampaignItem.of(campaigns.create(draft(body)));
        return ResponseEntity.created(URI.create(ApiDocs.BASE + "/campaigns/" + created.id())).body(created);
    }

    @Operation(summary = "Replaces a campaign's settings", description = "A running campaign keeps its variations"
            + " and weights; an ended one no longer changes.")
    @PutMapping("/{campaignId}")
    CampaignItem replace(@PathVariable long campaignId, @RequestBody CampaignBody body) {
        get(campaignId);
        return CampaignItem.of(campaigns.save(campaignId, draft(body)));
    }

    @Operation(summary = "Deletes a draft; a campaign that ran is refused (400): end it instead")
    @DeleteMapping("/{campaignId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long campaignId) {
        get(campaignId);
        campaigns.delete(campaignId);
    }

    @Operation(summary = "Starts a draft or paused campaign", description = "Refused (409, with `problems` naming"
            + " each audience) while an audience it targets is gone, empty (no member matched a known visitor), or its"
            + " syncs are stale or failing; `confirm=true` starts it all the same, and it then shows the warning"
            + " until they are healthy.")
    @PostMapping("/{campaignId}/start")
    CampaignItem start(@PathVariable long campaignId,
                       @Parameter(description = "start even though audiences it targets are not ready")
                       @RequestParam(defaultValue = "false") boolean confirm) {
        get(campaignId);
        return CampaignItem.of(confirm ? campaigns.startAnyway(campaignId) : campaigns.start(campaignId));
    }

    @Operation(summary = "Pauses a running campaign")
    @PostMapping("/{campaignId}/pause")
    CampaignItem pause(@PathVariable long campaignId) {
        get(campaignId);
        return CampaignItem.of(campaigns.pause(campaignId));
    }

    @Operation(summary = "Ends a campaign for good")
    @PostMapping("/{campaignId}/end")
    CampaignItem end(@PathVariable long campaignId) {
        get(campaignId);
        return CampaignItem.of(campaigns.end(campaignId));
    }

    private static CampaignDraft draft(CampaignBody body) {
        if (body.variations() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "variations: required, such as [{\"name\": \"Original\","
                    + " \"weight\": 50}, {\"name\": \"Blue button\", \"weight\": 50, \"json\": {\"color\": \"blue\"}}]");
        }
        List<Variation> variations = new ArrayList<>();
        for (int i = 0; i < body.variations().size(); i++) {
            VariationBody variation = body.variations().get(i);
            if (variation == null) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "variations[" + i + "]: must be an object");
            }
            boolean hasJson = variation.json() != null && !variation.json().isNull();
            if (hasJson && !variation.json().isObject()) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "variations[" + i + "].json: must be a JSON object");
            }
            String name = variation.name() == null ? "" : variation.name();
            variations.add(new Variation(variation.key() == null ? Variation.newKey(name.strip()) : variation.key(),
                    name, variation.weight() == null ? 0 : variation.weight(),
                    hasJson ? variation.json().toString() : null, variation.selector(), variation.html()));
        }
        return new CampaignDraft(body.name(), body.type(), body.allSegments() == null || body.allSegments(),
                body.segmentIds() == null ? List.of() : body.segmentIds(),
                body.trafficPercent() == null ? 100 : body.trafficPercent(),
                body.keepVisitors() == null ? CampaignDraft.keepsVisitorsByDefault(body.type()) : body.keepVisitors(),
                variations, body.startAt(), body.endAt());
    }
}
