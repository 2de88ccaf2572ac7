package io.audiencehub.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/** What a restart finds: members, keys and counts loaded back from the database as they were written. */
@WithMockUser(username = "viewer", roles = "VIEWER")
class AudienceReloadTest extends IntegrationTest {

    @Autowired
    AudienceService audiences;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void membersAndCountsSurviveAReloadAndNewMembersGetFreshNumbers() {
        long connectorId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        String prefix = UUID.randomUUID().toString().substring(0, 8) + "-";
        AppliedChange first = apply(connectorId, 1, List.of(prefix + "a", prefix + "b", prefix + "c"), List.of());
        AppliedChange second = apply(connectorId, 2, List.of(prefix + "c", prefix + "d"), List.of());

        audiences.reload();

        assertThat(audiences.lookup(first.audienceId(), prefix + "b").member()).isTrue();
        assertThat(audiences.lookup(first.audienceId(), prefix + "d").member()).isFalse();
        assertThat(audiences.lookup(second.audienceId(), prefix + "d").member()).isTrue();
        AppliedChange after = apply(connectorId, 2, List.of(prefix + "e"), List.of(prefix + "c"));
        assertThat(after.memberCount()).isEqualTo(2);
        assertThat(audiences.lookup(first.audienceId(), prefix + "e").member())
                .as("a key numbered after the reload does not collide with one numbered before").isFalse();
        assertThat(audiences.lookup(first.audienceId(), prefix + "c").member()).isTrue();
        assertThat(audiences.find(first.audienceId()).orElseThrow().memberCount()).isEqualTo(3);
        assertThat(audiences.find(second.audienceId()).orElseThrow().memberCount()).isEqualTo(2);
    }

    private AppliedChange apply(long connectorId, long segmentId, List<String> add, List<String> remove) {
        return transaction.execute(status -> audiences.apply(new AudienceChange(connectorId, Long.toString(segmentId),
                "Segment " + segmentId, audiences.memberBatch(add, remove), Instant.now())));
    }
}
