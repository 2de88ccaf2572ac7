package io.audiencehub.api;

import io.audiencehub.campaign.DecisionExplainer;
import io.audiencehub.campaign.Explanation;
import io.audiencehub.campaign.PageContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Why a visitor gets each running campaign or not, for any API key (docs/decisions.md, "Explanations"). */
@RestController
@RequestMapping(path = ApiDocs.BASE, produces = ApiDocs.JSON)
@SecurityRequirement(name = ApiDocs.API_KEY)
@Tag(name = "Visitors")
class VisitorApiController {

    private final DecisionExplainer explainer;

    VisitorApiController(DecisionExplainer explainer) {
        this.explainer = explainer;
    }

    @Operation(summary = "Why a visitor gets each running campaign or not", description = """
            For every running campaign: a reason code (`ENTERED`, `NOT_STARTED`, `ENDED`, `AUDIENCES_NOT_LOADED`, \
            `NOT_IN_SEGMENTS`, `OUTSIDE_TRAFFIC`), the same in words, the variation and traffic bucket, and each \
            targeted segment's verdict with the conditions that keep the visitor out. The page context is what the \
            query gives; criteria that read what it does not give are unknown, and unknown never matches. \
            Computed on request from the snapshot the decisions use. docs/decisions.md.""")
    @GetMapping("/visitors/{visitorId}/explanation")
    Explanation explanation(@PathVariable String visitorId, @RequestParam(required = false) String url,
                            @RequestParam(required = false) String device,
                            @RequestParam(required = false) String browser,
                            @RequestParam(required = false) String language,
                            @RequestParam(required = false) String country,
                            @RequestParam(required = false) Boolean returning) {
        return explainer.explain(visitorId, new PageContext(url, device, browser, language, country, returning, null));
    }
}
