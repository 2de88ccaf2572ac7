package io.audiencehub.sync;

import io.audiencehub.connector.ConnectorKind;
import io.audiencehub.connector.CustomSources;
import io.audiencehub.security.PublicEndpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A custom source's webhook: Heap's contract (the same body, paging and idempotence), at a URL of its
 * own, signed with the source's own secret in {@code Audience-Hub-Signature}. docs/custom-source.md.
 */
@RestController
@Tag(name = "Public: custom source webhook")
class CustomSourceWebhookController {

    static final String HEADER = "Audience-Hub-Signature";
    static final String PATH = "/api/integrations/custom/{sourceId}/webhook";

    private final WebhookIntake intake;
    private final CustomSources customSources;
    private final WebhookSignature signature;
    private final HeapWebhookContract contract;

    CustomSourceWebhookController(WebhookIntake intake, CustomSources customSources, HeapWebhookContract contract,
                                  Clock clock) {
        this.intake = intake;
        this.customSources = customSources;
        this.contract = contract;
        this.signature = new WebhookSignature(HEADER, "The source", "the source's signing secret is not the one"
                + " shown when it was created or last replaced (its page in the Integration Hub makes a new one)", clock);
    }

    @Bean
    static PublicEndpoints customSourceWebhookEndpoint() {
        return () -> List.of(PATH.replace("{sourceId}", "*"));
    }

    @Operation(summary = "A custom source delivers a page of an audience's members", description = """
            The body, paging and answers of Heap's segment.users.sync, with the source id as `id_token`, signed \
            with the source's secret in `Audience-Hub-Signature: ts:<unix millis>,hmac:<base64 of HMAC-SHA256 \
            over <ts><body>>`. docs/custom-source.md.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = WebhookBody.class))))
    @ApiResponse(responseCode = "200", description = "Stored: `status` is `applied`, `queued` or `duplicate`")
    @ApiResponse(responseCode = "400", description = "A signature header or a page that is not valid; `error` says"
            + " what and where")
    @ApiResponse(responseCode = "403", description = "The signature does not match the source's secret")
    @ApiResponse(responseCode = "404", description = "No validated custom source has this id")
    @ApiResponse(responseCode = "503", description = "Nothing stored; retry after `Retry-After` seconds")
    @PostMapping(PATH)
    ResponseEntity<?> receive(HttpServletRequest request, @PathVariable String sourceId,
                                                @RequestHeader(name = HEADER, required = false) String signed)
            throws IOException {
        return intake.receive(request, new WebhookIntake.Source(ConnectorKind.CUSTOM, sourceId), () -> {
            WebhookSignature.Signed header = signature.read(signed);
            byte[] secret = customSources.signingSecret(sourceId)
                    .orElseThrow(() -> new WebhookRejected(404, "No validated custom source has the id \"" + sourceId
                            + "\": check the URL against the source's page in Integrations > Integration Hub > Custom"
                            + " source.", sourceId))
                    .getBytes(StandardCharsets.UTF_8);
            return body -> signature.verify(header, body, List.of(secret));
        }, contract);
    }
}
