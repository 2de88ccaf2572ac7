package io.audiencehub.audience;

/** What an admin decided for one id of an audience, whatever its source says. */
public enum OverrideRule {
    ALWAYS_IN("always in"),
    ALWAYS_OUT("always out");

    private final String label;

    OverrideRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
