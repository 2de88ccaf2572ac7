package io.audiencehub.connector;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of source a connector can be, each with what sets it apart: how it is set up, whether it
 * holds a signing secret, whether campaigns can be pushed to it. Its {@code providerId} is the
 * catalogue's id (src/main/resources/catalog/providers.yml) and what the database stores.
 */
public enum ConnectorKind {

    /** Heap's partner integration: set up by the OAuth 2.0 round trip, validated with Heap's TokenID. */
    HEAP("heap", Setup.OAUTH, false, true),
    /** A source any tool pushes to, signed with its own secret (docs/custom-source.md). */
    CUSTOM("custom", Setup.NAMED, true, false),
    /** The one connector that holds the audiences admins upload as CSV files (docs/csv-audiences.md). */
    CSV("csv", Setup.FIRST_UPLOAD, false, false);

    /** How a connector of the kind comes to exist, validated. */
    public enum Setup {
        /** The admin names it and is sent to the provider to allow access. */
        OAUTH,
        /** The admin names it; it is validated at once, with its secret shown once. */
        NAMED,
        /** Made by the hub with the first upload. */
        FIRST_UPLOAD
    }

    private final String providerId;
    private final Setup setup;
    private final boolean signingSecret;
    private final boolean push;

    ConnectorKind(String providerId, Setup setup, boolean signingSecret, boolean push) {
        this.providerId = providerId;
        this.setup = setup;
        this.signingSecret = signingSecret;
        this.push = push;
    }

    public String providerId() {
        return providerId;
    }

    public Setup setup() {
        return setup;
    }

    /** Whether its deliveries are signed with a secret of its own, which an admin can replace. */
    public boolean hasSigningSecret() {
        return signingSecret;
    }

    /** Whether the site tag can tell the source which campaign a visitor saw (Push). */
    public boolean canPush() {
        return push;
    }

    /** The kind of a catalogue provider; empty for providers the hub cannot connect to yet. */
    public static Optional<ConnectorKind> of(String providerId) {
        return Arrays.stream(values()).filter(kind -> kind.providerId.equals(providerId)).findFirst();
    }
}
