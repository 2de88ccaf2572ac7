package io.audiencehub.overview;

/** Time for the open overviews to read the pipeline again. */
public record OverviewTick() {
}
