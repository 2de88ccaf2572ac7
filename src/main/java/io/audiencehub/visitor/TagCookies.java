package io.audiencehub.visitor;

import java.util.SortedSet;

/**
 * The cookies the site tag sends with a decision request, which the feature that decides answers: only
 * those some running campaign's segments read, so that a page's other cookies never leave it.
 */
public interface TagCookies {

    SortedSet<String> cookieNamesRead();
}
