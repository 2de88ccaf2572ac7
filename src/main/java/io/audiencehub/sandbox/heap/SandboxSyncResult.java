package io.audiencehub.sandbox.heap;

/** What one sync of an export sent, and whether every page was accepted. */
public record SandboxSyncResult(String syncTaskId, int pages, int adds, int removes, boolean delivered,
                                String message) {
}
