package io.audiencehub.sync;

import io.audiencehub.base.ConcurrencyPerKey;
import io.audiencehub.connector.ConnectorKind;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * The receiving of a delivery, whoever sends it (Heap, a custom source). What can be refused without the
 * body is refused first (the signature header's form and age, a declared length over the limit); then,
 * while at most {@code max-concurrent-deliveries} are being read and stored across every source, and
 * at most {@code max-concurrent-deliveries-per-client} of them from one client address (others get 503
 * and Retry-After before their body is read: a forged signature that trickles its body holds a place
 * until its HMAC can be checked, and one address must not hold them all), the body is read within its size and time limits,
 * its signature verified before anything is parsed, parsed into one page and stored by
 * {@link SyncService}; the answer, 200 only once the page is stored, waits a moment for it to be applied.
 */
@Component
class WebhookIntake {

    /** Seconds the sender is asked to wait before retrying a delivery this hub could not take now. */
    static final String RETRY_AFTER_SECONDS = "5";

    /** Checks a delivery's signature header before its body is read, and returns how to verify the body. */
    @FunctionalInterface
    interface SignatureCheck {
        BodyVerifier checkHeader();
    }

    @FunctionalInterface
    interface BodyVerifier {
        void verify(byte[] body);
    }

    /**
     * Where a delivery comes from.
     *
     * @param kind the kind of connector its pages belong to
     * @param sourceId the id the delivery's URL names (a custom source's), which its {@code id_token} must
     *                 repeat; null when only the body names it (Heap)
     */
    record Source(ConnectorKind kind, String sourceId) {
    }

    private final SyncPageReader reader;
    private final SyncService sync;
    private final PageTimings timings;
    private final Semaphore reading;
    private final ConcurrencyPerKey readingPerClient;

    WebhookIntake(SyncPageReader reader, SyncService sync, SyncProperties settings, PageTimings timings) {
        this.timings = timings;
        this.reader = reader;
        this.sync = sync;
        this.reading = new Semaphore(settings.maxConcurrentDeliveries());
        this.readingPerClient = new ConcurrencyPerKey(settings.maxConcurrentDeliveriesPerClient());
    }

    /** Receives a delivery of {@code source}, read and answered as its {@code contract} says. */
    ResponseEntity<?> receive(HttpServletRequest request, Source source, SignatureCheck signature,
                              WebhookContract contract) throws IOException {
        try {
            BodyVerifier verifier = signature.checkHeader();
            reader.checkDeclaredLength(request);
            String client = request.getRemoteAddr();
            if (!readingPerClient.tryAcquire(client)) {
                sync.busy();
                return unavailable(contract, "This client address is sending as many deliveries at once as it may;"
                        + " nothing of this one was read. Retry later.");
            }
            if (!reading.tryAcquire()) {
                readingPerClient.release(client);
                sync.busy();
                return unavailable(contract, "The hub is taking as many deliveries as it can right now; nothing of"
                        + " this one was read. Retry later.");
            }
            DeliveredPage delivered;
            Optional<SyncService.StoredPage> stored;
            long started = System.nanoTime();
            long step;
            try {
                byte[] body = reader.body(request);
                step = timings.record(PageTimings.Phase.READ, started);
                verifier.verify(body);
                step = timings.record(PageTimings.Phase.VERIFY, step);
                delivered = contract.page(body);
                step = timings.record(PageTimings.Phase.PARSE, step);
                if (source.sourceId() != null && !source.sourceId().equals(delivered.idToken())) {
                    throw new WebhookRejected(400, "$.id_token: \"" + delivered.idToken() + "\" is not this source's"
                            + " id; send the id that the URL names, \"" + source.sourceId() + "\".", source.sourceId());
                }
                stored = sync.store(source.kind(), delivered);
                step = timings.record(PageTimings.Phase.STORE, step);
            } finally {
                reading.release();
                readingPerClient.release(client);
            }
            SyncService.Delivery delivery = sync.awaitApplied(stored);
            timings.record(PageTimings.Phase.WAIT, step);
            ResponseEntity<?> answer = contract.stored(delivered, delivery);
            timings.record(PageTimings.Phase.ANSWER, started);
            return answer;
        } catch (WebhookRejected rejection) {
            sync.refused(rejection, source, request.getRemoteAddr());
            return contract.refused(rejection.status(), rejection.getMessage());
        } catch (DataAccessException | TransactionException e) {
            // the page could not be stored (the database refused, or could not be reached to begin with):
            // nothing was applied, and the sender retries on this answer
            sync.notStored(e);
            return unavailable(contract, "The hub could not store this page right now; nothing of it was applied."
                    + " Retry later.");
        }
    }

    private static ResponseEntity<?> unavailable(WebhookContract contract, String message) {
        ResponseEntity<?> answer = contract.refused(HttpStatus.SERVICE_UNAVAILABLE.value(), message);
        return ResponseEntity.status(answer.getStatusCode())
                .headers(headers -> {
                    headers.addAll(answer.getHeaders());
                    headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                })
                .body(answer.getBody());
    }
}
