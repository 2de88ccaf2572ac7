package io.audiencehub.audience;

import java.time.Instant;

/** One erasure or lift, audited with the visitor's member key only. */
public record ErasureAuditEntry(long memberKey, String action, String actor, Instant at) {

    public static final String ERASED = "ERASED";
    public static final String LIFTED = "LIFTED";

    public String keyText() {
        return String.format("%016x", memberKey);
    }
}
