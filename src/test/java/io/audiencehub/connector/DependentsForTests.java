package io.audiencehub.connector;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestComponent;

/**
 * Something that depends on a connector, as audiences and segments will: tests add a dependent
 * to see deletion refused. Registered in every test context through {@link io.audiencehub.IntegrationTest}.
 */
@TestComponent
public class DependentsForTests implements ConnectorUsage {

    private static final Map<Long, String> DEPENDENTS = new ConcurrentHashMap<>();

    static void add(long connectorId, String description) {
        DEPENDENTS.put(connectorId, description);
    }

    static void clear() {
        DEPENDENTS.clear();
    }

    @Override
    public List<String> usagesOf(long connectorId) {
        String dependent = DEPENDENTS.get(connectorId);
        return dependent == null ? List.of() : List.of(dependent);
    }
}
