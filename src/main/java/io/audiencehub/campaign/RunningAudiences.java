package io.audiencehub.campaign;

import io.audiencehub.segment.Criterion.ExternalAudience;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.sync.AudiencesInUse;
import org.springframework.stereotype.Component;

/**
 * The imported audiences that running campaigns target, as the decisions' snapshot holds them (fresh within
 * the 5 seconds it allows): the sync guard holds sudden changes of those only.
 */
@Component
class RunningAudiences implements AudiencesInUse {

    private final DecisionService decisions;

    RunningAudiences(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public boolean targetedByRunningCampaign(long audienceId) {
        return decisions.snapshot().definitions().values().stream().flatMap(SegmentDefinition::externalAudiences)
                .mapToLong(ExternalAudience::audienceId).anyMatch(id -> id == audienceId);
    }
}
