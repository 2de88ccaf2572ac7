package io.audiencehub.audience;

/**
 * What applying a change did. Adds of members already in and removes of members already out are
 * ignored; an id both added and removed in one change ends up out.
 */
public record AppliedChange(long audienceId, long added, long removed, long ignoredAdds, long ignoredRemoves,
                            long memberCount, long matchedCount) {
}
