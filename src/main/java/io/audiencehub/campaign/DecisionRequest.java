package io.audiencehub.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.audiencehub.campaign.Decisions.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/decisions}'s body, as docs/decisions.md describes it.
 *
 * @param explain an API-key client's ask for the answer's {@code explanation}; ignored for the site tag
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record DecisionRequest(String visitorId, Context context, Boolean explain) {

    DecisionRequest(String visitorId, Context context) {
        this(visitorId, context, null);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Context(String url, String device, String browser, String language, String country,
                   Map<String, String> cookies, Boolean returning, Instant time) {

        static final Context UNKNOWN = new Context(null, null, null, null, null, null, null, null);
    }

    /** The answer: the campaigns decided, whether to tell the analytics tools, and why when it was asked. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Answer(String visitorId, boolean stale, List<Decision> campaigns, Map<String, Boolean> push,
                  List<CampaignExplanation> explanation) {

        static Answer of(Decisions decided) {
            return new Answer(decided.visitorId(), decided.stale(), decided.campaigns(), decided.push(), null);
        }

        static Answer of(Decisions decided, Explanation explained) {
            return new Answer(decided.visitorId(), decided.stale(), decided.campaigns(), decided.push(),
                    explained.campaigns());
        }
    }
}
