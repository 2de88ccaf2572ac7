package io.audiencehub.campaign;

import io.audiencehub.campaign.DecisionController.DecisionRequest;
import io.audiencehub.security.PublicEndpoints;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
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

    private final DecisionController decisionApi;
    private final DecisionService decisions;
    private volatile Decisions replayed;

    NoOpDecisionController(DecisionController decisionApi, DecisionService decisions) {
        this.decisionApi = decisionApi;
        this.decisions = decisions;
    }

    @Bean
    static PublicEndpoints noOpDecisionEndpoint() {
        return () -> List.of(PATH);
    }

    @PostMapping(PATH)
    ResponseEntity<?> decide(@RequestBody(required = false) DecisionRequest request) {
        return decisionApi.answer(request, (visitor, now) -> {
            Decisions first = replayed;
            if (first == null) {
                first = decisions.decide(visitor, now, false);
                replayed = first;
            }
            return new Decisions(visitor.visitorId(), first.campaigns(), first.stale(), first.pushToHeap());
        });
    }
}
