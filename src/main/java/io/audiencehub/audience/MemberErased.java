package io.audiencehub.audience;

/**
 * Published in the transaction that erases a member from every audience, so that what other features kept of
 * it goes too: {@code member} is the {@link MemberSet} of that member alone ({@link MemberSet#fromBytes}).
 */
public record MemberErased(byte[] member) {

    public MemberSet asSet() {
        return MemberSet.fromBytes(member);
    }
}
