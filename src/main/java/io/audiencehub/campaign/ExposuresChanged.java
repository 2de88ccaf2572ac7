package io.audiencehub.campaign;

/** The visitors campaigns keep changed, or how many of them left their segments: the campaign list shows both. */
public record ExposuresChanged() {
}
