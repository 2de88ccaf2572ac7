package io.audiencehub.visitor;

/**
 * Whether a visitor was erased and must stay out of the registry, which the feature that keeps
 * erasures answers: a report of an erased visitor, buffered on any hub or sent later, is never stored.
 */
public interface VisitorSuppression {

    boolean isErased(String visitorId);
}
