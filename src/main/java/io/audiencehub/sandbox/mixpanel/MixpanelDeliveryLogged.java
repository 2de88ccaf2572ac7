package io.audiencehub.sandbox.mixpanel;

/** A delivery attempt of a cohort was logged, or its sync ended: the screens showing it follow. */
public record MixpanelDeliveryLogged(long cohortId) {
}
