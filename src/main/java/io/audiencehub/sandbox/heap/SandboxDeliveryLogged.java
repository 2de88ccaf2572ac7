package io.audiencehub.sandbox.heap;

/** A delivery of a segment was logged, or its sync ended: the screens that show it follow by themselves. */
public record SandboxDeliveryLogged(long segmentId) {
}
