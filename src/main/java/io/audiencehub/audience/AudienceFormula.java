package io.audiencehub.audience;

import java.util.List;

/**
 * A combination of audiences whose reach among known visitors {@link AudienceService#knownVisitorsMatching}
 * counts exactly. {@link Anyone} stands for a condition that may hold for any visitor.
 */
public sealed interface AudienceFormula {

    record Member(long audienceId, boolean negated) implements AudienceFormula {
    }

    record All(List<AudienceFormula> parts) implements AudienceFormula {
    }

    record Some(List<AudienceFormula> parts) implements AudienceFormula {
    }

    record Anyone() implements AudienceFormula {
    }
}
