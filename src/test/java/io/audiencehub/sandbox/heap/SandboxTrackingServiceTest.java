package io.audiencehub.sandbox.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.audiencehub.IntegrationTest;
import io.audiencehub.visitor.VisitorService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SandboxTrackingServiceTest extends IntegrationTest {

    @Autowired
    SandboxTrackingService tracking;
    @Autowired
    SandboxOAuthService environments;
    @Autowired
    VisitorService visitors;
    @Autowired
    JdbcClient jdbc;

    @Test
    void simulatedVisitorsAreKnownToTheHubAndCarryTheirIdInHeap() {
        long environment = environments.createEnvironment("Simulated " + UUID.randomUUID()).id();

        List<String> ids = tracking.simulateVisitors(environment, 25);
        visitors.flush();

        assertThat(ids).hasSize(25).allMatch(id -> id.matches("[A-Za-z0-9]{16}"));
        assertThat(tracking.usersCarryingTheVisitorId(environment)).isEqualTo(25);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM visitor WHERE id IN (:ids)").param("ids", ids)
                .query(Integer.class).single()).isEqualTo(25);
    }

    @Test
    void heapJsCallsAreRecordedAndBadOnesNamed() {
        long environment = environments.createEnvironment("Tracked " + UUID.randomUUID()).id();
        tracking.track(String.valueOf(environment), "u1", "jane@example.com", Map.of("ABTastyVisitorId", "abc", "plan", 3));
        tracking.track(String.valueOf(environment), "u1", null, Map.of("ABTastyVisitorId", "def"));

        assertThat(jdbc.sql("""
                        SELECT name, value FROM sandbox_heap_user_property
                        WHERE environment_id = ? AND user_id = 'u1' ORDER BY name
                        """).param(environment).query((row, n) -> tuple(row.getString(1), row.getString(2))).list())
                .containsExactly(tuple("ABTastyVisitorId", "def"), tuple("plan", "3"));
        assertThatThrownBy(() -> tracking.track("nope", "u1", null, Map.of())).hasMessageContaining("environmentId");
        assertThatThrownBy(() -> tracking.track(String.valueOf(environment), "u 1", null, Map.of()))
                .hasMessageContaining("userId");
        assertThatThrownBy(() -> tracking.track(String.valueOf(environment), "u1", null, Map.of("nested", Map.of())))
                .hasMessageContaining("must be a string or a number");
    }
}
