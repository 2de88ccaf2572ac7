package io.audiencehub.sandbox.heap;

import java.time.Instant;

/**
 * A segment of a sandbox environment's users: by a rule on one user property, or (with no rule) an
 * uploaded list of users. Its id is what Heap sends as {@code segment.id}.
 */
public record SandboxSegment(long id, long environmentId, String name, String ruleProperty, RuleOperator ruleOperator,
                             String ruleValue, Instant createdAt) {

    public enum RuleOperator { EQUALS, CONTAINS, IS_SET }

    public String definition() {
        if (ruleOperator == null) {
            return "uploaded list of users";
        }
        return switch (ruleOperator) {
            case EQUALS -> ruleProperty + " equals \"" + ruleValue + "\"";
            case CONTAINS -> ruleProperty + " contains \"" + ruleValue + "\"";
            case IS_SET -> ruleProperty + " is set";
        };
    }
}
