package io.audiencehub.sync;

import io.audiencehub.connector.ConnectorKind;
import io.audiencehub.security.PublicEndpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heap's {@code segment.users.sync} webhook, one URL for the whole hub, signed with the hub's webhook
 * secret ({@link HeapSignature}); received as every delivery is ({@link WebhookIntake}).
 */
@RestController
@Tag(name = "Public: Heap webhook")
class HeapWebhookController {

    static final String PATH = "/api/integrations/heap/webhook";

    private final WebhookIntake intake;
    private final HeapSignature signature;
    private final HeapWebhookContract contract;

    HeapWebhookController(WebhookIntake intake, HeapSignature signature, HeapWebhookContract contract) {
        this.intake = intake;
        this.signature = signature;
        this.contract = contract;
    }

    @Bean
    static PublicEndpoints heapWebhookEndpoint() {
        return () -> List.of(PATH);
    }

    @Operation(summary = "Heap delivers a page of a segment's members (segment.users.sync)", description = """
            Signed with the webhook secret in `Heap-Hash: ts:<unix millis>,hmac:<base64 of HMAC-SHA256 over \
            <ts><body>>`, at most 60 s old and at most 1 s in the future. A page is applied once: sent again, it is \
            answered `duplicate`. docs/segment-sync.md.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = WebhookBody.class))))
    @ApiResponse(responseCode = "200", description = "Stored: `status` is `applied`, `queued` or `duplicate`")
    @ApiResponse(responseCode = "400", description = "A missing, malformed or too old signature header, or a body"
            + " that is not a valid page; `error` says what and where")
    @ApiResponse(responseCode = "403", description = "The signature does not match")
    @ApiResponse(responseCode = "404", description = "No validated connector has the page's `id_token`")
    @ApiResponse(responseCode = "405", description = "An `action_type` other than `segment.users.sync`")
    @ApiResponse(responseCode = "408", description = "The body did not arrive in time")
    @ApiResponse(responseCode = "409", description = "A page of a sync task that conflicts with what was stored")
    @ApiResponse(responseCode = "413", description = "The body is over the size limit")
    @ApiResponse(responseCode = "503", description = "Nothing stored; retry after `Retry-After` seconds")
    @PostMapping(PATH)
    ResponseEntity<?> receive(HttpServletRequest request,
                                                @RequestHeader(name = HeapSignature.HEADER, required = false) String hash)
            throws IOException {
        return intake.receive(request, new WebhookIntake.Source(ConnectorKind.HEAP, null), () -> {
            WebhookSignature.Signed signed = signature.header(hash);
            return body -> signature.verify(signed, body);
        }, contract);
    }
}
