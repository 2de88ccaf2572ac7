package io.audiencehub.alert;

/** A condition that holds now and calls for an incident: what, about which subject, and why. */
record Condition(IncidentKind kind, long subjectId, String subject, String detail) {
}
