package io.audiencehub.sync;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.unit.DataSize;

/** With the database out of reach, a delivery is answered 503 with Retry-After, which Heap retries. */
class HeapWebhookDatabaseDownTest {

    private final SyncProperties settings = new SyncProperties(WebhookDeliveries.SECRET, null, DataSize.ofKilobytes(64),
            256, 32, Duration.ofSeconds(1), Duration.ofMinutes(30), Duration.ofHours(5), 4, 2, Duration.ofSeconds(10));
    private final SyncService sync = mock(SyncService.class);
    private final SyncPageReader reader = new SyncPageReader(settings);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new HeapWebhookController(
            new WebhookIntake(reader, sync, settings, new PageTimings(new SimpleMeterRegistry())),
            new HeapSignature(settings, Clock.systemUTC()),
            new HeapWebhookContract(reader))).build();

    @Test
    void noConnectionToBeginATransactionWithIsAnsweredAsUnavailable() throws Exception {
        when(sync.store(any(), any())).thenThrow(new CannotCreateTransactionException("Could not open JDBC Connection"));
        String body = WebhookDeliveries.page("token", 42, "Free Customers", "task-1", 1, 1, List.of("a"), List.of());

        mvc.perform(post(HeapWebhookController.PATH).contentType("application/json").content(body)
                        .header(HeapSignature.HEADER, WebhookDeliveries.signature(WebhookDeliveries.SECRET,
                                System.currentTimeMillis(), body)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", WebhookIntake.RETRY_AFTER_SECONDS))
                .andExpect(content().string(containsString("nothing of it was applied")));
        verify(sync).notStored(any());
    }
}
