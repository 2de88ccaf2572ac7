package io.audiencehub.sync;

import io.audiencehub.base.Refusal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Heap's {@code segment.users.sync} contract, which custom sources speak too: its body, and answers of
 * {@code {"status", "sync_task_id", "page_number"}} or a problem with its {@code error}.
 */
@Component
class HeapWebhookContract implements WebhookContract {

    private final SyncPageReader reader;

    HeapWebhookContract(SyncPageReader reader) {
        this.reader = reader;
    }

    @Override
    public DeliveredPage page(byte[] body) {
        return reader.page(body);
    }

    @Override
    public ResponseEntity<?> stored(DeliveredPage delivered, SyncService.Delivery delivery) {
        return ResponseEntity.ok(Map.of("status", delivery.name().toLowerCase(), "sync_task_id",
                delivered.page().syncTaskId(), "page_number", delivered.page().pageNumber()));
    }

    @Override
    public ResponseEntity<?> refused(int status, String message) {
        return Refusal.answer(status, message);
    }
}
