package io.audiencehub.segment;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.segment.SegmentEvaluation.Unmet;
import io.audiencehub.segment.SegmentRepository.StoredSegment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Why a visitor is or is not in segments, in words: for each segment the conditions that keep the
 * visitor out ("is not in Heap Analytics - Acme / Free customers", "page URL does not match
 * \"^/checkout\"", or that the visitor's context did not say). Computed on request, never on the
 * decision path.
 */
@Service
public class SegmentExplainer {

    /**
     * A segment's answer for a visitor.
     *
     * @param unmet the conditions that keep the visitor out, in words; empty when {@code matched}
     * @param unknown whether one of them was unknown because the context did not give what it reads
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SegmentVerdict(long segmentId, String name, boolean matched, List<String> unmet, boolean unknown) {
    }

    private final SegmentRepository segments;
    private final SegmentDescriber describer;
    private final SegmentEvaluation evaluation;

    SegmentExplainer(SegmentRepository segments, SegmentDescriber describer, AudienceService audiences) {
        this.segments = segments;
        this.describer = describer;
        this.evaluation = new SegmentEvaluation(AudienceMembership.of(audiences));
    }

    /** Each segment's verdict for the visitor, by segment id, from the definitions given (a snapshot's). */
    @Transactional(readOnly = true)
    public Map<Long, SegmentVerdict> explain(Map<Long, SegmentDefinition> definitions, VisitorContext visitor) {
        if (definitions.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = segments.byIds(definitions.keySet()).stream()
                .collect(Collectors.toMap(StoredSegment::id, StoredSegment::name));
        SegmentDescriber.Referenced referenced = describer.referenced(definitions.values());
        Map<Long, SegmentVerdict> verdicts = new LinkedHashMap<>();
        definitions.forEach((id, definition) -> {
            List<Unmet> unmet = evaluation.unmet(definition, visitor);
            verdicts.put(id, new SegmentVerdict(id, names.getOrDefault(id, "segment " + id), unmet.isEmpty(),
                    unmet.stream().map(words(referenced)).toList(), unmet.stream().anyMatch(Unmet::unknown)));
        });
        return verdicts;
    }

    /** An unmet condition: the opposite of what it asks, or, when the context did not say, what it asks and that. */
    private Function<Unmet, String> words(SegmentDescriber.Referenced referenced) {
        return unmet -> {
            SegmentNode.Condition condition = unmet.condition();
            return unmet.unknown()
                    ? describer.conditionText(condition, referenced) + ": not known, the visitor's context does not say"
                    : describer.conditionText(new SegmentNode.Condition(condition.criterion(), !condition.negated()),
                    referenced);
        };
    }
}
