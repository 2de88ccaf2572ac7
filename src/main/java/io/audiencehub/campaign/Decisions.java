package io.audiencehub.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * What a visitor gets: the running campaigns it falls into, each with its variation.
 *
 * @param push per analytics tool that can be told (by its provider id: heap, mixpanel), whether the tag tells
 *             it which campaigns the visitor sees (Push)
 * @param stale true when this hub had not loaded the imported audiences yet: campaigns whose segments
 *              read them were left out rather than answered as if every audience were empty
 */
public record Decisions(String visitorId, List<Decision> campaigns, boolean stale, Map<String, Boolean> push) {

    /**
     * One campaign's decision, as the decision API writes it: the variation, its payload (none for the
     * Original) and, only when they were asked for, the targeted segments the visitor is in.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(long campaignId, String campaign, String variationKey, String variation, Payload payload,
                           List<Long> matchedSegments) {
    }

    /** What a variation changes: a JSON document, or an element's selector and its new HTML. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(@JsonRawValue String json, String selector, String html) {

        static Payload of(Variation variation) {
            return variation.json() == null && variation.selector() == null ? null
                    : new Payload(variation.json(), variation.selector(), variation.html());
        }
    }
}
