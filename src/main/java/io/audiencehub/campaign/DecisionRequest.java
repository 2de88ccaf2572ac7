package io.audiencehub.campaign;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.audiencehub.campaign.Decisions.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/decisions}'s body, as docs/decisions.md describes it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record DecisionRequest(String visitorId, Context context) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Context(String url, String device, String browser, String language, String country,
                   Map<String, String> cookies, Boolean returning, Instant time) {

        static final Context UNKNOWN = new Context(null, null, null, null, null, null, null, null);
    }

    /** The answer: the campaigns decided, and whether to tell the analytics tools. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Answer(String visitorId, boolean stale, List<Decision> campaigns, Map<String, Boolean> push) {

        static Answer of(Decisions decided) {
            return new Answer(decided.visitorId(), decided.stale(), decided.campaigns(),
                    decided.push());
        }
    }
}
