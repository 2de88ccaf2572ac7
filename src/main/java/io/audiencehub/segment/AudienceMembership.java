package io.audiencehub.segment;

import java.util.function.LongPredicate;

/** Whether a visitor is in an imported audience; the audience feature answers it. */
@FunctionalInterface
public interface AudienceMembership {

    boolean isMember(long audienceId, String visitorId);

    /** The audiences of one visitor, for many questions in a row; by default each question is asked anew. */
    default LongPredicate of(String visitorId) {
        return audienceId -> isMember(audienceId, visitorId);
    }
}
