package io.audiencehub.security;

import java.util.List;

/**
 * Paths that a feature serves to anyone (a website's visitors, a provider's webhook). The feature
 * declares them as a bean; the filter chains let them through without a sign-in.
 */
public interface PublicEndpoints {

    List<String> paths();
}
