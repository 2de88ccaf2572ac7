package io.audiencehub.sync;

import io.audiencehub.connector.HeapConnectorsForTests;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** For tests whose syncs empty an audience a running campaign targets on purpose: the guard would hold them. */
public final class SyncGuardsForTests {

    private SyncGuardsForTests() {
    }

    public static void turnOff(SyncGuardService guards, SecurityContextHolderStrategy security, long connectorId) {
        HeapConnectorsForTests.asAdmin(security, () -> guards.setGuard(connectorId, new SyncGuard(false, 50, 10)));
    }
}
