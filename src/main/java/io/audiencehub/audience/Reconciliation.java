package io.audiencehub.audience;

/**
 * What one reconciliation did: audiences recounted, counts fixed, visitor sightings counted late, and
 * visitors no longer counted because the registry forgot them (not seen within its retention).
 */
public record Reconciliation(int audiencesChecked, int countsFixed, int missedVisitors, int forgottenVisitors) {
}
