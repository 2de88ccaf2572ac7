package io.audiencehub.sandbox.heap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page is written as Heap writes it: the contract's fields in its order, compact as JSON.stringify leaves it. */
class SegmentSyncPayloadTest {

    @Test
    void aPageIsTheContractsDocumentInCompactJson() throws Exception {
        SandboxSegment segment = new SandboxSegment(1338065, 1, "Free Customers", "plan", SandboxSegment.RuleOperator.EQUALS,
                "free", null);

        String json = new ObjectMapper().writeValueAsString(SegmentSyncPayload.page("7a36ae58", segment, "task-1", 1, 5,
                List.of("user1@email.com"), List.of("user3@email.com")));

        assertThat(json).isEqualTo("{\"id_token\":\"7a36ae58\",\"action_type\":\"segment.users.sync\","
                + "\"customer_config\":{\"fields\":[]},\"data\":{\"segment\":{\"id\":1338065,\"name\":\"Free Customers\"},"
                + "\"sync_info\":{\"page_number\":1,\"total_pages\":5,\"sync_task_id\":\"task-1\"},"
                + "\"add\":[{\"id\":\"user1@email.com\"}],\"remove\":[{\"id\":\"user3@email.com\"}]}}");
    }
}
