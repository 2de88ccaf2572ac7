package io.audiencehub.segment;

import io.audiencehub.audience.AudienceFormula;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.segment.Criterion.ExternalAudience;
import io.audiencehub.segment.SegmentNode.Combinator;
import org.springframework.stereotype.Component;

/** How many known visitors a definition's EXTERNAL DATA part holds for, counted exactly on the imported audiences. */
@Component
class ReachEstimator {

    private final AudienceService audiences;

    ReachEstimator(AudienceService audiences) {
        this.audiences = audiences;
    }

    /** The exact number of known visitors the EXTERNAL DATA part holds for; page criteria may match anyone. */
    ReachEstimate reach(SegmentDefinition definition) {
        if (!definition.usesExternalData()) {
            return new ReachEstimate(null, !definition.root().children().isEmpty());
        }
        boolean dependsOnPage = definition.root().conditions()
                .anyMatch(condition -> !(condition.criterion() instanceof ExternalAudience));
        return new ReachEstimate(audiences.knownVisitorsMatching(formula(definition.root())), dependsOnPage);
    }

    private static AudienceFormula formula(SegmentNode node) {
        return node.match(condition -> condition.criterion() instanceof ExternalAudience audience
                ? new AudienceFormula.Member(audience.audienceId(), condition.negated()) : new AudienceFormula.Anyone(),
                group -> {
                    var parts = group.children().stream().map(ReachEstimator::formula).toList();
                    return group.combinator() == Combinator.ALL ? new AudienceFormula.All(parts)
                            : new AudienceFormula.Some(parts);
                });
    }
}
