package io.audiencehub.sync;

import java.time.Instant;

/** A refused delivery; {@code connectorId} is set when its id_token named a connector. */
public record SyncRejection(long id, Instant at, Long connectorId, String idToken, int status, String reason) {
}
