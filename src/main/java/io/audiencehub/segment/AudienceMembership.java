package io.audiencehub.segment;

/** Whether a visitor is in an imported audience; the audience feature answers it. */
@FunctionalInterface
public interface AudienceMembership {

    boolean isMember(long audienceId, String visitorId);
}
