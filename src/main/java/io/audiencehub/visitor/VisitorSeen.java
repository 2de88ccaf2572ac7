package io.audiencehub.visitor;

import java.time.Instant;

/** When the registry first and last saw a visitor (the last flush of a hub that saw it). */
public record VisitorSeen(Instant firstSeen, Instant lastSeen) {
}
