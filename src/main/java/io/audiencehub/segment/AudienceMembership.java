package io.audiencehub.segment;

/** Whether a visitor is in an imported audience; the audience feature answers it. */
@FunctionalInterface
public interface AudienceMembership {

    boolean isMember(long audienceId, String visitorId);

    /**
     * The ids of every audience the visitor is in, for many questions in a row; null when they cannot be
     * listed, and each question is then asked with {@link #isMember}.
     */
    default long[] audienceIdsOf(String visitorId) {
        return null;
    }
}
