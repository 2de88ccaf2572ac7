package io.audiencehub.segment;

/** An audience an EXTERNAL DATA criterion may name: {@code detail} says how many members matched, or why none did. */
public record AudienceChoice(long id, String name, String detail) {
}
