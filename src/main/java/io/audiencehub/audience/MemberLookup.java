package io.audiencehub.audience;

/** The answer to "is this visitor in this audience?", and whether the hub knows the visitor at all. */
public record MemberLookup(boolean member, boolean knownVisitor) {
}
