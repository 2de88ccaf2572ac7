package io.audiencehub.directory;

/** How many ids of an audience an admin keeps always in and always out. */
public record ManualOverrides(long alwaysIn, long alwaysOut) {
}
