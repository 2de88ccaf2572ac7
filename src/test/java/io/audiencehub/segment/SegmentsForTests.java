package io.audiencehub.segment;

import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import java.util.List;

/** Segment definitions the tests build again and again. */
public final class SegmentsForTests {

    private SegmentsForTests() {
    }

    /** "is in" the connector's audience: the one EXTERNAL DATA criterion most tests target. */
    public static SegmentDefinition memberOf(long connectorId, long audienceId) {
        return new SegmentDefinition(SegmentDefinition.CURRENT_VERSION, new Group(Combinator.ALL, List.of(
                new Condition(new Criterion.ExternalAudience(connectorId, audienceId), false))));
    }
}
