package io.audiencehub.connector;

/** Why an answer from the provider could not be applied to any connector; nothing was changed. */
public enum AuthorizationProblem {
    STATE_MISSING("Heap's answer has no state, so it cannot be matched to a connector setup."
            + " Nothing was changed: start again with Setup connector."),
    STATE_UNKNOWN("This answer from Heap does not belong to any connector setup of this hub (unknown state)."
            + " Nothing was changed."),
    STATE_REPLAYED("This answer from Heap was already used once and cannot be used again. Nothing was changed."),
    OTHER_USER("This authorization was started by another user, and only they can complete it."
            + " Nothing was changed.");

    private final String message;

    AuthorizationProblem(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
