package io.audiencehub.sandbox.heap;

import java.time.Instant;

/** One attempt to deliver one page; {@code status} is null when no answer came (timeout, refused connection). */
public record SandboxDelivery(long id, long segmentId, String syncTaskId, int pageNumber, int totalPages, int adds,
                              int removes, int attempt, Integer status, String outcome, Instant at) {
}
