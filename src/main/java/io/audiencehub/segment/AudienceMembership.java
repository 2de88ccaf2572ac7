package io.audiencehub.segment;

import io.audiencehub.audience.AudienceService;

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

    /** The hub's imported audiences, as the audience feature holds them in memory. */
    static AudienceMembership of(AudienceService audiences) {
        return new AudienceMembership() {
            @Override
            public boolean isMember(long audienceId, String visitorId) {
                return audiences.isMember(audienceId, visitorId);
            }

            @Override
            public long[] audienceIdsOf(String visitorId) {
                return audiences.audienceIdsOf(visitorId);
            }
        };
    }
}
