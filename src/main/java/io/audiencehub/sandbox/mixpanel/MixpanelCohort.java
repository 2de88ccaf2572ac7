package io.audiencehub.sandbox.mixpanel;

import java.time.Instant;

/**
 * A cohort of the sandbox project's users: those whose property is set, or equals a value. Its id is
 * what Mixpanel sends as {@code mixpanel_cohort_id}.
 */
public record MixpanelCohort(long id, long projectId, String name, String description, String ruleProperty,
                             String ruleValue, Instant createdAt) {

    public String definition() {
        return ruleValue == null ? ruleProperty + " is set" : ruleProperty + " equals \"" + ruleValue + "\"";
    }
}
