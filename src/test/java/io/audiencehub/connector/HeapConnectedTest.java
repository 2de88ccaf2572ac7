package io.audiencehub.connector;

import io.audiencehub.IntegrationTest;
import io.audiencehub.sandbox.heap.SandboxOAuthService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Tests that start from a validated Heap connector to a fresh sandbox environment. */
public abstract class HeapConnectedTest extends IntegrationTest {

    @Autowired
    protected ConnectorService connectors;
    @Autowired
    protected SandboxOAuthService sandbox;
    @Autowired
    protected SecurityContextHolderStrategy security;

    protected Connector connector;

    @BeforeEach
    void connectAFreshHeapEnvironment() {
        connector = HeapConnectorsForTests.connect(heapAuthorization, connectors, sandbox, security, port);
    }

    protected void disconnect() {
        HeapConnectorsForTests.asAdmin(security, () -> {
            connectors.disconnect(connector.id());
            return null;
        });
    }
}
