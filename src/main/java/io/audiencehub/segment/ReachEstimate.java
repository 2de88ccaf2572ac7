package io.audiencehub.segment;

/**
 * How many known visitors the EXTERNAL DATA part of a segment holds for, exactly; null when the
 * segment has no EXTERNAL DATA criterion. Other criteria depend on the page and count as "may match".
 */
public record ReachEstimate(Long knownVisitors, boolean dependsOnPage) {
}
