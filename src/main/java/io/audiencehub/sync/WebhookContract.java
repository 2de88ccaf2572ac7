package io.audiencehub.sync;

import org.springframework.http.ResponseEntity;

/**
 * What differs between the sources' webhook contracts, for {@link WebhookIntake}: how a verified body
 * is read into a page, and how the sender is answered.
 */
interface WebhookContract {

    /** The page a verified body holds; a {@link WebhookRejected} says what is wrong and where. */
    DeliveredPage page(byte[] body);

    /** The answer to a delivery stored (and perhaps applied) or stored before. */
    ResponseEntity<?> stored(DeliveredPage delivered, SyncService.Delivery delivery);

    /** The answer to a delivery refused or not taken now, with the status given. */
    ResponseEntity<?> refused(int status, String message);
}
