package io.audiencehub.directory;

import java.time.Instant;

/**
 * One established connection as the Directory lists it.
 *
 * @param state the connector's state in words; {@code validated} and {@code failed} say how to colour it
 * @param lastSyncAt when its last page arrived, null before any
 * @param lastRun the result of its most recent sync run in words, null before any
 */
public record DirectoryEntry(long connectorId, String name, String providerName, String state, boolean validated,
                             boolean failed, String tokenId, String environmentName, long audiences,
                             long availableAudiences, Instant lastSyncAt, String lastRun, Health health,
                             String healthReason) {

    public enum Health { WAITING, HEALTHY, STALE, FAILING }
}
