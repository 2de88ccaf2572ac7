package io.audiencehub.campaign;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Why a visitor gets each running campaign or not, from the snapshot the decisions use.
 *
 * @param contextGiven what of the page context was given (url, device, ...); criteria that read the rest
 *                     were unknown, and unknown never matches
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Explanation(String visitorId, List<String> contextGiven, List<CampaignExplanation> campaigns) {
}
