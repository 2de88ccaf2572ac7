package io.audiencehub.sync;

import io.audiencehub.security.PublicEndpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heap's {@code segment.users.sync} webhook, one URL for the whole hub. What can be refused without the
 * body is refused first (the signature header's form and age, a declared length over the limit); then,
 * while at most {@code max-concurrent-deliveries} are being read and stored (others get 503 and
 * Retry-After before their body is read), the body is read within its size and time limits, its
 * signature verified before anything is parsed, parsed into one page and stored by {@link SyncService};
 * the answer, 200 only once the page is stored, waits a moment for it to be applied.
 */
@RestController
@Tag(name = "Public: Heap webhook")
class HeapWebhookController {

    static final String PATH = "/api/integrations/heap/webhook";

    /** Seconds Heap is asked to wait before retrying a delivery this hub could not take now. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final HeapWebhookReader reader;
    private final HeapSignature signature;
    private final SyncService sync;
    private final Semaphore reading;

    HeapWebhookController(HeapWebhookReader reader, HeapSignature signature, SyncService sync, SyncProperties settings) {
        this.reader = reader;
        this.signature = signature;
        this.sync = sync;
        this.reading = new Semaphore(settings.maxConcurrentDeliveries());
    }

    @Bean
    static PublicEndpoints heapWebhookEndpoint() {
        return () -> List.of(PATH);
    }

    @Operation(summary = "Heap delivers a page of a segment's members (segment.users.sync)", description = """
            Signed with the Heap app's client secret in `Heap-Hash` (`ts=<unix seconds>,hmac=<hex>`, HMAC-SHA256 of             `<ts><body>`), at most 5 minutes old. A page is applied once: sent again, it is answered `duplicate`.             docs/segment-sync.md.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = WebhookBody.class))))
    @ApiResponse(responseCode = "200", description = "Stored: `status` is `applied`, `queued` or `duplicate`")
    @ApiResponse(responseCode = "400", description = "The body is not a valid page; `error` says where")
    @ApiResponse(responseCode = "401", description = "The signature is missing, wrong or too old")
    @ApiResponse(responseCode = "404", description = "No validated connector has the page's `id_token`")
    @ApiResponse(responseCode = "405", description = "An `action_type` other than `segment.users.sync`")
    @ApiResponse(responseCode = "413", description = "The body is over the size limit")
    @ApiResponse(responseCode = "503", description = "Nothing stored; retry after `Retry-After` seconds")
    @PostMapping(PATH)
    ResponseEntity<Map<String, Object>> receive(HttpServletRequest request,
                                                @RequestHeader(name = HeapSignature.HEADER, required = false) String hash)
            throws IOException {
        HeapSignature.Signed signed = signature.header(hash);
        reader.checkDeclaredLength(request);
        if (!reading.tryAcquire()) {
            sync.busy();
            return unavailable("The hub is taking as many deliveries as it can right now; nothing of this one was"
                    + " read. Retry later.");
        }
        SegmentSyncPage page;
        Optional<Long> stored;
        try {
            byte[] body = reader.body(request);
            signature.verify(signed, body);
            page = reader.page(body);
            stored = sync.store(page);
        } finally {
            reading.release();
        }
        String status = sync.awaitApplied(stored).name().toLowerCase();
        return ResponseEntity.ok(Map.of("status", status, "sync_task_id", page.syncTaskId(),
                "page_number", page.pageNumber()));
    }

    @ExceptionHandler(WebhookRejected.class)
    ResponseEntity<Map<String, Object>> rejected(WebhookRejected rejection, HttpServletRequest request) {
        sync.refused(rejection, request.getRemoteAddr());
        return ResponseEntity.status(rejection.status()).body(Map.of("error", rejection.getMessage()));
    }

    /**
     * The page could not be stored (the database refused, or could not be reached to begin with):
     * nothing was applied, and Heap retries on this answer.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Map<String, Object>> notStored(RuntimeException e) {
        sync.notStored(e);
        return unavailable("The hub could not store this page right now; nothing of it was applied. Retry later.");
    }

    private static ResponseEntity<Map<String, Object>> unavailable(String message) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Map.of("error", message));
    }
}
