package io.audiencehub.sync;

import io.audiencehub.security.PublicEndpoints;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heap's {@code segment.users.sync} webhook, one URL for the whole hub: read the body, verify its
 * signature before anything is parsed, parse it into one page, and hand the page to {@link SyncService},
 * which answers 200 only once the page is stored.
 */
@RestController
class HeapWebhookController {

    static final String PATH = "/api/integrations/heap/webhook";

    private final HeapWebhookReader reader;
    private final HeapSignature signature;
    private final SyncService sync;

    HeapWebhookController(HeapWebhookReader reader, HeapSignature signature, SyncService sync) {
        this.reader = reader;
        this.signature = signature;
        this.sync = sync;
    }

    @Bean
    static PublicEndpoints heapWebhookEndpoint() {
        return () -> List.of(PATH);
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, Object>> receive(HttpServletRequest request,
                                                @RequestHeader(name = HeapSignature.HEADER, required = false) String hash)
            throws IOException {
        byte[] body = reader.body(request);
        signature.verify(hash, body);
        SegmentSyncPage page = reader.page(body);
        String status = sync.receive(page).name().toLowerCase();
        return ResponseEntity.ok(Map.of("status", status, "sync_task_id", page.syncTaskId(),
                "page_number", page.pageNumber()));
    }

    @ExceptionHandler(WebhookRejected.class)
    ResponseEntity<Map<String, Object>> rejected(WebhookRejected rejection) {
        sync.refused(rejection);
        return ResponseEntity.status(rejection.status()).body(Map.of("error", rejection.getMessage()));
    }

    /** The page could not be stored: nothing was applied, and Heap retries on this answer. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, Object>> notStored(DataAccessException e) {
        sync.notStored(e);
        return ResponseEntity.status(503).body(Map.of("error", "The hub could not store this page right now;"
                + " nothing of it was applied. Retry later."));
    }
}
