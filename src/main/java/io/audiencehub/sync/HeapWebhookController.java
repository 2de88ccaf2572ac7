package io.audiencehub.sync;

import io.audiencehub.audience.AudienceService;
import io.audiencehub.audience.MemberKeys;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.ConnectorState;
import io.audiencehub.security.PublicEndpoints;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heap's {@code segment.users.sync} webhook, one URL for the whole hub. The signature is checked
 * before anything is parsed; a page is answered 200 only once it is stored, and a page stored before
 * is answered 200 without being applied again.
 */
@RestController
class HeapWebhookController {

    static final String PATH = "/api/integrations/heap/webhook";
    private static final Logger log = LoggerFactory.getLogger(HeapWebhookController.class);

    private final HeapSignature signature;
    private final WebhookParser parser;
    private final ConnectorService connectors;
    private final AudienceService audiences;
    private final SyncService sync;
    private final SyncPageApplier applier;
    private final SyncProperties settings;
    private final MeterRegistry metrics;

    HeapWebhookController(HeapSignature signature, WebhookParser parser, ConnectorService connectors,
                          AudienceService audiences, SyncService sync, SyncPageApplier applier,
                          SyncProperties settings, MeterRegistry metrics) {
        this.signature = signature;
        this.parser = parser;
        this.connectors = connectors;
        this.audiences = audiences;
        this.sync = sync;
        this.applier = applier;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Bean
    static PublicEndpoints heapWebhookEndpoint() {
        return () -> List.of(PATH);
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, Object>> receive(HttpServletRequest request,
                                                @RequestHeader(name = HeapSignature.HEADER, required = false) String hash)
            throws IOException {
        byte[] body = readLimited(request);
        signature.verify(hash, body);
        SegmentSyncPage page = parser.parse(body);
        Connector connector = connectors.forTokenId(ConnectorService.HEAP, page.idToken())
                .filter(found -> found.state() == ConnectorState.VALIDATED)
                .orElseThrow(() -> unknownToken(page.idToken()));
        MemberKeys keys = audiences.memberKeys();
        Optional<Long> stored = sync.store(connector.id(), page, keys.keysOf(page.add()), keys.keysOf(page.remove()));
        String status;
        if (stored.isEmpty()) {
            status = "duplicate";
        } else {
            status = applier.awaitApplied(stored.get(), settings.applyWait()) ? "applied" : "queued";
        }
        metrics.counter("audiencehub.sync.deliveries", "result", status).increment();
        return ResponseEntity.ok(Map.of("status", status, "sync_task_id", page.syncTaskId(),
                "page_number", page.pageNumber()));
    }

    @ExceptionHandler(WebhookRejected.class)
    ResponseEntity<Map<String, Object>> rejected(WebhookRejected rejection) {
        metrics.counter("audiencehub.sync.deliveries", "result", "rejected_" + rejection.status()).increment();
        Long connectorId = rejection.idToken() == null ? null
                : connectors.forTokenId(ConnectorService.HEAP, rejection.idToken()).map(Connector::id).orElse(null);
        try {
            sync.recordRejection(connectorId, rejection.idToken(), rejection.status(), rejection.getMessage());
        } catch (RuntimeException e) {
            log.error("Could not record a refused delivery: {}", rejection.getMessage(), e);
        }
        log.warn("Refused a Heap delivery ({}): {}", rejection.status(), rejection.getMessage());
        return ResponseEntity.status(rejection.status()).body(Map.of("error", rejection.getMessage()));
    }

    /** The page could not be stored: nothing was applied, and Heap retries on this answer. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, Object>> notStored(DataAccessException e) {
        metrics.counter("audiencehub.sync.deliveries", "result", "unavailable").increment();
        log.error("Could not store a Heap delivery; answered 503 so that Heap retries", e);
        return ResponseEntity.status(503).body(Map.of("error", "The hub could not store this page right now;"
                + " nothing of it was applied. Retry later."));
    }

    private WebhookRejected unknownToken(String idToken) {
        return new WebhookRejected(404, "$.id_token: no validated Heap connector has id_token \"" + idToken
                + "\". Connect this Heap environment in Integrations > Integration Hub, or turn the export off in"
                + " Heap.", idToken);
    }

    private byte[] readLimited(HttpServletRequest request) throws IOException {
        long max = settings.maxBodySize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                throw tooLarge(max);
            }
            return body;
        }
    }

    private static WebhookRejected tooLarge(long max) {
        return new WebhookRejected(413, "The body is larger than " + (max / (1024 * 1024)) + " MB"
                + " (audiencehub.sync.max-body-size); ask Heap for smaller pages or raise the limit.");
    }
}
