package io.audiencehub.directory;

/**
 * A connection's guard on sudden audience changes: whether it holds a run that would remove more than
 * {@code maxRemovedPercent} of an audience a running campaign targets, or grow it more than
 * {@code maxGrowthFactor} times.
 */
public record GuardSettings(boolean enabled, int maxRemovedPercent, int maxGrowthFactor) {
}
