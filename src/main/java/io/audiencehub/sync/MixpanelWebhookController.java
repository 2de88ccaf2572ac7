package io.audiencehub.sync;

import io.audiencehub.connector.ConnectorKind;
import io.audiencehub.connector.MixpanelDelivery;
import io.audiencehub.connector.MixpanelSources;
import io.audiencehub.security.PublicEndpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Mixpanel connector's Custom Webhook (docs/mixpanel.md): cohort syncs posted with the HTTP Basic
 * credentials the hub made for it, read and answered as ../shared/mixpanel-cohort-sync.md says, with
 * the same intake limits as every webhook.
 */
@RestController
@Tag(name = "Public: Mixpanel cohort sync webhook")
class MixpanelWebhookController {

    static final String PATH = "/api/integrations/mixpanel/{sourceId}/webhook";

    private final WebhookIntake intake;
    private final MixpanelSources sources;
    private final MixpanelPageReader reader;

    MixpanelWebhookController(WebhookIntake intake, MixpanelSources sources, MixpanelPageReader reader) {
        this.intake = intake;
        this.sources = sources;
        this.reader = reader;
    }

    @Bean
    static PublicEndpoints mixpanelWebhookEndpoint() {
        return new PublicEndpoints() {
            @Override
            public List<String> paths() {
                return List.of(PATH.replace("{sourceId}", "*"));
            }

            @Override
            public boolean checkTheirOwnCredentials() {
                return true;
            }
        };
    }

    @Operation(summary = "Mixpanel syncs a page of a cohort's members (members, add_members, remove_members)",
            description = """
                    Mixpanel's Custom Webhook: `members` replaces the cohort's members once every page of its \
                    `mixpanel_session_id` arrived; `add_members` and `remove_members` apply; a page sent again \
                    changes nothing. HTTP Basic with the credentials the hub made for the connector. \
                    docs/mixpanel.md.""")
    @ApiResponse(responseCode = "200", description = "`{\"action\": ..., \"status\": \"success\"}`")
    @ApiResponse(responseCode = "400", description = "A body that is not a cohort sync call; `error.message` says"
            + " what and where (Mixpanel pauses the sync)")
    @ApiResponse(responseCode = "401", description = "Missing or wrong credentials (Mixpanel pauses the sync)")
    @ApiResponse(responseCode = "503", description = "Nothing stored; retried after `Retry-After` seconds")
    @PostMapping(PATH)
    ResponseEntity<?> receive(HttpServletRequest request, @PathVariable String sourceId,
                              @RequestHeader(name = "Authorization", required = false) String authorization)
            throws IOException {
        Optional<MixpanelDelivery> authenticated = credentials(authorization)
                .flatMap(basic -> sources.authenticate(sourceId, basic[0], basic[1]));
        MixpanelWebhookContract contract = new MixpanelWebhookContract(reader, sourceId,
                authenticated.map(MixpanelDelivery::visitorProperty).orElse(MixpanelSources.DEFAULT_VISITOR_PROPERTY));
        return intake.receive(request, new WebhookIntake.Source(ConnectorKind.MIXPANEL, sourceId), () -> {
            if (authenticated.isEmpty()) {
                throw new WebhookRejected(401, "The webhook's credentials are not those of a validated Mixpanel"
                        + " connector with this URL: paste the URL, user name and password its page in Integrations >"
                        + " Integration Hub > Mixpanel showed (New credentials makes others).", sourceId);
            }
            return body -> { };
        }, contract);
    }

    /** The user name and password of a Basic authorization header, when it is one. */
    private static Optional<String[]> credentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
