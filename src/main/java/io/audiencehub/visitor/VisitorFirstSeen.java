package io.audiencehub.visitor;

import java.time.Instant;

/** Published once the first report of a visitor is stored; listeners must tolerate a repeat. */
public record VisitorFirstSeen(String visitorId, Instant at) {
}
