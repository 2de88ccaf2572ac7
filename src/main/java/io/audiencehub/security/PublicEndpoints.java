package io.audiencehub.security;

import java.util.List;

/**
 * Paths that a feature serves to anyone (a website's visitors, a provider's webhook). The feature
 * declares them as a bean; the filter chains let them through without a sign-in.
 */
public interface PublicEndpoints {

    List<String> paths();

    /**
     * Whether the paths authenticate their callers themselves, with HTTP Basic credentials of their own
     * (Mixpanel's webhook): then no filter of the hub reads their {@code Authorization} header.
     */
    default boolean checkTheirOwnCredentials() {
        return false;
    }
}
