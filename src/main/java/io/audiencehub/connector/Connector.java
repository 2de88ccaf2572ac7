package io.audiencehub.connector;

import java.time.Instant;

/** A connection to one provider environment; {@code tokenId} is the provider's id for it (Heap's id_token). */
public record Connector(long id, String providerId, String name, ConnectorState state, String failureReason,
                        String tokenId, String environmentName, String createdBy, Instant createdAt,
                        Instant updatedAt) {

    /** Every stored connector is of a kind the hub knows: the database holds no other provider's. */
    public ConnectorKind kind() {
        return ConnectorKind.of(providerId).orElseThrow(() -> new IllegalStateException(
                "Connector " + id + " is of provider \"" + providerId + "\", which this hub does not know"));
    }

    public boolean validated() {
        return state == ConnectorState.VALIDATED;
    }
}
