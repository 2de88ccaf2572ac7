package io.audiencehub.segment;

import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Group;
import java.util.List;
import java.util.stream.Stream;

/** A segment's definition as stored: a versioned document whose root is a group. */
public record SegmentDefinition(int version, Group root) {

    public static final int CURRENT_VERSION = 1;

    public static SegmentDefinition empty() {
        return new SegmentDefinition(CURRENT_VERSION, new Group(Combinator.ALL, List.of()));
    }

    /** Whether a criterion of it reads an imported audience (EXTERNAL DATA). */
    public boolean usesExternalData() {
        return externalAudiences().findAny().isPresent();
    }

    /** Its EXTERNAL DATA criteria, in order. */
    public Stream<Criterion.ExternalAudience> externalAudiences() {
        return root.conditions().map(SegmentNode.Condition::criterion)
                .filter(Criterion.ExternalAudience.class::isInstance).map(Criterion.ExternalAudience.class::cast);
    }
}
