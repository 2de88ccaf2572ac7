package io.audiencehub.sync;

/**
 * How an audience's members changed over a period, from its runs: {@code membersBefore} null when it had
 * no run before the period.
 */
public record AudienceMove(long connectorId, String audienceKey, Long membersBefore, long membersNow) {

    /** How many members it gained (positive) or lost (negative) over the period. */
    public long change() {
        return membersNow - (membersBefore == null ? 0 : membersBefore);
    }
}
