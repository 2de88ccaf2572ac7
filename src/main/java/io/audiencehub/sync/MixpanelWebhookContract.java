package io.audiencehub.sync;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Mixpanel's cohort sync contract for one call: its body read with the connector's visitor property,
 * and Mixpanel's answers, {@code {"action", "status": "success"}} or {@code "failure"} with an
 * {@code error} of a message (shown in Mixpanel) and the code. Made for each call, as it remembers the
 * call's action to answer with.
 */
final class MixpanelWebhookContract implements WebhookContract {

    private final MixpanelPageReader reader;
    private final String sourceId;
    private final String visitorProperty;
    private String action = "unknown";

    MixpanelWebhookContract(MixpanelPageReader reader, String sourceId, String visitorProperty) {
        this.reader = reader;
        this.sourceId = sourceId;
        this.visitorProperty = visitorProperty;
    }

    @Override
    public DeliveredPage page(byte[] body) {
        action = reader.actionOf(body);
        return reader.page(body, sourceId, visitorProperty).delivered();
    }

    @Override
    public ResponseEntity<?> stored(DeliveredPage delivered, SyncService.Delivery delivery) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new Success(action, "success"));
    }

    @Override
    public ResponseEntity<?> refused(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new Failure(action, "failure", new Error(message, status)));
    }

    /** The answer to a call taken. */
    record Success(String action, String status) {
    }

    /** The answer to a call refused; Mixpanel shows the error's message. */
    record Failure(String action, String status, Error error) {
    }

    record Error(String message, int code) {
    }
}
