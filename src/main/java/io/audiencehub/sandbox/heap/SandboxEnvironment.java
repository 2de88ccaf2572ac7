package io.audiencehub.sandbox.heap;

/** A customer's Heap environment, as the sandbox plays it; {@code idToken} is what Heap calls its id. */
public record SandboxEnvironment(long id, String idToken, String name) {
}
