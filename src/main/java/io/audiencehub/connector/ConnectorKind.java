package io.audiencehub.connector;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of source a connector can be, each with what sets it apart: how it is set up, how its
 * deliveries prove where they come from, whether campaigns can be pushed to it. Its {@code providerId}
 * is the catalogue's id (src/main/resources/catalog/providers.yml) and what the database stores.
 */
public enum ConnectorKind {

    /** Heap's partner integration: set up by the OAuth 2.0 round trip, validated with Heap's TokenID. */
    HEAP("heap", Setup.OAUTH, Proof.HEAP_SIGNATURE, new Push("Heap", "an \"AB Tasty campaign seen\" event for"
            + " every campaign a visitor sees, with the campaign and the variation, and sets the user property"
            + " \"AB Tasty - <campaign>\" to the variation")),
    /** A source any tool pushes to, signed with its own secret (docs/custom-source.md). */
    CUSTOM("custom", Setup.NAMED, Proof.SIGNING_SECRET, null),
    /** The one connector that holds the audiences admins upload as CSV files (docs/csv-audiences.md). */
    CSV("csv", Setup.FIRST_UPLOAD, Proof.SIGNED_IN_ADMIN, null),
    /** Mixpanel's Custom Webhook cohort sync, with HTTP Basic credentials the hub makes (docs/mixpanel.md). */
    MIXPANEL("mixpanel", Setup.WEBHOOK_CREDENTIALS, Proof.BASIC_CREDENTIALS, new Push("Mixpanel", "the event"
            + " \"Event\" for every campaign a visitor sees, its property \"AB Tasty\" holding"
            + " [<campaign id>]<campaign name>[<variation id>]<variation name>, as Mixpanel's AB Tasty integration"
            + " reads it"));

    /** How a connector of the kind comes to exist, validated. */
    public enum Setup {
        /** The admin names it and is sent to the provider to allow access. */
        OAUTH,
        /** The admin names it; it is validated at once, with its secret shown once. */
        NAMED,
        /** The admin names it; it is validated at once, with the URL and credentials to paste into the provider shown once. */
        WEBHOOK_CREDENTIALS,
        /** Made by the hub with the first upload. */
        FIRST_UPLOAD
    }

    /** How a delivery proves which connector it is for. */
    public enum Proof {
        /** Signed with the hub's Heap partner secret, naming its connector by {@code id_token}. */
        HEAP_SIGNATURE,
        /** Signed with the source's own secret, which an admin can replace. */
        SIGNING_SECRET,
        /** HTTP Basic credentials the hub made for the connector, which an admin can replace. */
        BASIC_CREDENTIALS,
        /** Made in the hub by a signed-in admin. */
        SIGNED_IN_ADMIN
    }

    /**
     * What the site tag tells the source of the campaigns a visitor sees (Push).
     *
     * @param tool the analytics tool's name, as its users know it
     * @param sent what the tag sends it, after "the site tag sends <tool>"
     */
    public record Push(String tool, String sent) {
    }

    private final String providerId;
    private final Setup setup;
    private final Proof proof;
    private final Push push;

    ConnectorKind(String providerId, Setup setup, Proof proof, Push push) {
        this.providerId = providerId;
        this.setup = setup;
        this.proof = proof;
        this.push = push;
    }

    public String providerId() {
        return providerId;
    }

    public Setup setup() {
        return setup;
    }

    public Proof proof() {
        return proof;
    }

    /** Whether its deliveries are signed with a secret of its own, which an admin can replace. */
    public boolean hasSigningSecret() {
        return proof == Proof.SIGNING_SECRET;
    }

    /** Whether the site tag can tell the source which campaign a visitor saw (Push). */
    public boolean canPush() {
        return push != null;
    }

    /** What the site tag tells the source; empty for a kind that cannot be told. */
    public Optional<Push> push() {
        return Optional.ofNullable(push);
    }

    /** The kinds the site tag can tell which campaigns a visitor sees, in a stable order. */
    public static List<ConnectorKind> pushable() {
        return Arrays.stream(values()).filter(ConnectorKind::canPush).toList();
    }

    /** The kind of a catalogue provider; empty for providers the hub cannot connect to yet. */
    public static Optional<ConnectorKind> of(String providerId) {
        return Arrays.stream(values()).filter(kind -> kind.providerId.equals(providerId)).findFirst();
    }
}
