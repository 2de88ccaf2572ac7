package io.audiencehub.audience;

/**
 * An admin erased the visitor with this id, published in the erasure's transaction: what other features
 * keep of the visitor by its id (the visitors campaigns keep) goes with it.
 */
public record VisitorIdErased(String visitorId) {
}
