package io.audiencehub.campaign;

import io.audiencehub.campaign.DecisionRequest.Answer;
import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.segment.VisitorContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/decisions}: the running campaigns a visitor falls into, for the site tag. It is
 * public ({@link DecisionWebConfiguration}: across origins only from the sites in
 * {@code audiencehub.visitors.allowed-origins}), and answers campaigns and variations only, never
 * segments or audiences; a server-side client with an API key also gets the targeted segments the
 * visitor is in. docs/decisions.md describes the request, the answer and every refusal ({@link DecisionErrors}).
 */
@RestController
@Tag(name = "Public: decisions")
class DecisionController {

    static final String PATH = "/api/v1/decisions";

    private final DecisionRequestReader requests;
    private final DecisionService decisions;
    private final DecisionExplainer explainer;
    private final Clock clock;

    DecisionController(DecisionRequestReader requests, DecisionService decisions, DecisionExplainer explainer,
                       Clock clock) {
        this.requests = requests;
        this.decisions = decisions;
        this.explainer = explainer;
        this.clock = clock;
    }

    /**
     * A server-side client sends an API key as a bearer token, which the machines' filter chain checks
     * (refusing one that opens nothing), and also learns which targeted segments the visitor is in.
     */
    @Operation(summary = "The running campaigns and variations a visitor falls into", description = """
            Public, for the site tag (CORS from the allowed site origins). A server-side client that sends an API key \
            as `Authorization: Bearer <key>` also gets `matched_segments`, and with `"explain": true` the             `explanation` of every running campaign (reason codes in docs/decisions.md).""")
    @PostMapping(PATH)
    Answer decide(@RequestBody(required = false) DecisionRequest request, Authentication client) {
        Instant now = clock.instant();
        VisitorContext visitor = requests.visitor(request, now);
        boolean server = ApiKeyScope.isApiKey(client);
        if (server && Boolean.TRUE.equals(request.explain())) {
            return decisions.decideExplained(visitor, now, explainer, DecisionExplainer.given(request.context()));
        }
        return Answer.of(decisions.decide(visitor, now, server));
    }
}
