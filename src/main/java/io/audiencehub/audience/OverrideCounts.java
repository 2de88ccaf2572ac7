package io.audiencehub.audience;

/** How many ids of an audience an admin keeps always in and always out, changes not yet applied included. */
public record OverrideCounts(long alwaysIn, long alwaysOut) {

    public long total() {
        return alwaysIn + alwaysOut;
    }
}
