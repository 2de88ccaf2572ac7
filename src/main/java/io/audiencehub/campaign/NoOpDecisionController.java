package io.audiencehub.campaign;

import io.audiencehub.campaign.DecisionRequest.Answer;
import io.audiencehub.segment.VisitorContext;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decision API without the decision, the baseline of bench/decisions-http.sh: the same request
 * read and checked, the same answer written, but the campaigns are the ones decided for the first
 * visitor asked, replayed for everyone after. Only with the {@code bench} profile; production never
 * serves it.
 */
@Profile("bench")
@RestController
class NoOpDecisionController {

    static final String PATH = "/api/v1/bench/no-op-decisions";

    private final DecisionRequestReader requests;
    private final DecisionService decisions;
    private final Clock clock;
    private volatile Decisions replayed;

    NoOpDecisionController(DecisionRequestReader requests, DecisionService decisions, Clock clock) {
        this.requests = requests;
        this.decisions = decisions;
        this.clock = clock;
    }

    @PostMapping(PATH)
    Answer decide(@RequestBody(required = false) DecisionRequest request) {
        Instant now = clock.instant();
        VisitorContext visitor = requests.visitor(request, now);
        Decisions first = replayed;
        if (first == null) {
            first = decisions.decide(visitor, now, false);
            replayed = first;
        }
        return Answer.of(new Decisions(visitor.visitorId(), first.campaigns(), first.stale(), first.push()));
    }
}
