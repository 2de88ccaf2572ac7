package io.audiencehub.directory;

/** Whether a visitor id is in an audience, and whether the hub has seen that visitor. */
public record MemberAnswer(boolean member, boolean knownVisitor) {
}
