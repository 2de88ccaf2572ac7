package io.audiencehub.connector;

import java.time.Instant;

/** A connection to one provider environment; {@code tokenId} is the provider's id for it (Heap's id_token). */
public record Connector(long id, String providerId, String name, ConnectorState state, String failureReason,
                        String tokenId, String environmentName, String createdBy, Instant createdAt,
                        Instant updatedAt) {
}
