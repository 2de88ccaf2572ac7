package io.audiencehub.sync;

import java.time.Instant;

/**
 * Refused deliveries of one minute, alike in connector and status: how many, when the first and the
 * last came, and the first one's details as a sample.
 *
 * @param connectorId set when the sample's id_token named a connector
 * @param clientAddress where the sample came from
 */
public record SyncRejection(Instant firstAt, Instant lastAt, Long connectorId, String idToken, int status,
                            String reason, int refusals, String clientAddress) {
}
