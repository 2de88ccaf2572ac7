package io.audiencehub.segment;

/**
 * An audience an EXTERNAL DATA criterion may name: {@code segmentId} is the provider's, {@code detail}
 * says how many members matched, or why none did.
 */
public record AudienceChoice(long id, long segmentId, String name, String detail) {
}
