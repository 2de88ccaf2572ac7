package io.audiencehub.segment;

import io.audiencehub.audience.AudienceService;
import io.audiencehub.segment.SegmentRepository.StoredSegment;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Segments as the decision API reads them, with no sign-in: the definitions of the running campaigns'
 * segments, prepared to be evaluated for one visitor after another.
 */
@Service
public class SegmentTargeting {

    private final SegmentRepository segments;
    private final SegmentEvaluation evaluation;

    SegmentTargeting(SegmentRepository segments, AudienceService audiences) {
        this.segments = segments;
        this.evaluation = new SegmentEvaluation(AudienceMembership.of(audiences));
    }

    /** The definitions of the segments, by id. */
    @Transactional(readOnly = true)
    public Map<Long, SegmentDefinition> definitions(Collection<Long> segmentIds) {
        if (segmentIds.isEmpty()) {
            return Map.of();
        }
        return segments.byIds(segmentIds).stream().collect(Collectors.toMap(StoredSegment::id,
                stored -> SegmentDefinitions.read(stored.definition())));
    }

    /** The segments, prepared to be evaluated many at a time for one visitor after another. */
    public PreparedSegments prepare(List<SegmentDefinition> definitions) {
        return evaluation.prepare(definitions);
    }
}
