package io.audiencehub.sync;

import java.time.Instant;

/**
 * A connector's deliveries at a glance.
 *
 * @param lastSyncAt when its last page arrived, null before any
 * @param lastRun the status of its most recent sync run, null before any
 * @param health healthy, stale (syncs on a schedule, nothing for too long) or failing (deliveries refused
 *               or pages failing to apply)
 */
public record ConnectorSyncStatus(long connectorId, Instant lastSyncAt, SyncRun.Status lastRun, Health health,
                                  String healthReason) {

    public enum Health { WAITING, HEALTHY, STALE, FAILING }
}
