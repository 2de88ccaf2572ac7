package io.audiencehub.sandbox.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.audiencehub.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

class SandboxTrackingServiceTest extends IntegrationTest {

    @Autowired
    SandboxTrackingService tracking;
    @Autowired
    SandboxOAuthService environments;
    @Autowired
    JdbcClient jdbc;

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void simulatedVisitorsAreHeapUsersCarryingTheirNewVisitorIds() {
        long environment = environments.createEnvironment("Simulated " + UUID.randomUUID()).id();

        List<String> ids = tracking.simulateVisitors(environment, 25);

        assertThat(ids).hasSize(25).doesNotHaveDuplicates().allMatch(id -> id.matches("[A-Za-z0-9]{16}"));
        assertThat(tracking.usersCarryingTheVisitorId(environment)).isEqualTo(25);
        assertThat(jdbc.sql("""
                        SELECT value FROM sandbox_heap_user_property WHERE environment_id = ? AND name = 'ABTastyVisitorId'
                        """).param(environment).query(String.class).list()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM visitor WHERE id IN (:ids)").param("ids", ids)
                .query(Integer.class).single()).as("the hub learns of them only over HTTP, from the demo site").isZero();
    }

    @Test
    @WithMockUser(username = "viewer", roles = "VIEWER")
    void onlyAnAdminSimulatesVisitors() {
        long environment = environments.createEnvironment("Refused " + UUID.randomUUID()).id();

        assertThatThrownBy(() -> tracking.simulateVisitors(environment, 3)).isInstanceOf(AccessDeniedException.class);
        assertThat(tracking.usersCarryingTheVisitorId(environment)).isZero();
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
