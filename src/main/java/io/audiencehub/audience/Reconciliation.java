package io.audiencehub.audience;

/** What one reconciliation did: audiences recounted, counts fixed, visitor sightings counted late. */
public record Reconciliation(int audiencesChecked, int countsFixed, int missedVisitors) {
}
