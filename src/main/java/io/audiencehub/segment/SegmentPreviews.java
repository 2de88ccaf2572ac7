package io.audiencehub.segment;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The builder's view of a segment being built, read in one call per gesture whatever its size. */
@Service
public class SegmentPreviews {

    private final SegmentDescriber describer;
    private final ReachEstimator reach;

    SegmentPreviews(SegmentDescriber describer, ReachEstimator reach) {
        this.describer = describer;
        this.reach = reach;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public SegmentPreview preview(SegmentDefinition definition) {
        SegmentDescriber.Referenced referenced = describer.referenced(List.of(definition));
        return new SegmentPreview(describer.describe(definition, referenced),
                definition.root().conditions().map(condition -> describer.conditionText(condition, referenced)).toList(),
                reach.reach(definition), describer.warnings(definition, referenced));
    }
}
