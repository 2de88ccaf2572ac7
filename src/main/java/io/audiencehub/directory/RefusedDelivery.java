package io.audiencehub.directory;

import java.time.Instant;

/** A delivery the receiver refused: when, the HTTP answer, the id token it named and why. */
public record RefusedDelivery(Instant at, int status, String idToken, String reason) {
}
