package io.audiencehub.connector;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/** Where Heap sends the browser back after its consent page; the result is shown on the hub's Heap page. */
@Controller
@Tag(name = "Browser: OAuth")
class OAuthCallbackController {

    static final String RESULT_PAGE = "/integrations/hub/heap";

    private final HeapAuthorization authorization;

    OAuthCallbackController(HeapAuthorization authorization) {
        this.authorization = authorization;
    }

    @Operation(summary = "Where the provider sends the admin's browser back after consent; redirects to the"
            + " provider's connectors page with the outcome")
    @GetMapping(HeapProperties.CALLBACK_PATH)
    RedirectView callback(@RequestParam(required = false) String state,
                          @RequestParam(required = false) String code,
                          @RequestParam(required = false) String error,
                          @RequestParam(name = "error_description", required = false) String errorDescription) {
        AuthorizationOutcome outcome = authorization.complete(state, code, error, errorDescription);
        UriComponentsBuilder page = UriComponentsBuilder.fromPath(RESULT_PAGE);
        if (outcome.connectorId() != null) {
            page.queryParam("connector", outcome.connectorId());
        }
        if (outcome.problem() != null) {
            page.queryParam("problem", outcome.problem().name());
        }
        RedirectView redirect = new RedirectView(page.encode().build().toUriString(), true);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }
}
