package io.audiencehub.audience;

import java.util.BitSet;

/**
 * What applying a change did. Adds of members already in and removes of members already out are
 * ignored; an id both added and removed in one change ends up out.
 *
 * @param entered the members the change brought in ({@code added} of them)
 * @param left the members it left out ({@code removed} of them)
 * @param changing the positions, in the change's batch (its adds, then its removes), of the ids that brought a
 *                 member in or left one out: a member sent twice changes at its first position only; not to be
 *                 changed
 */
public record AppliedChange(long audienceId, long added, long removed, long ignoredAdds, long ignoredRemoves,
                            long memberCount, long matchedCount, MemberSet entered, MemberSet left, BitSet changing) {
}
