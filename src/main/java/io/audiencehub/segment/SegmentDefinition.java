package io.audiencehub.segment;

import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Group;
import java.util.List;

/** A segment's definition as stored: a versioned document whose root is a group. */
public record SegmentDefinition(int version, Group root) {

    public static final int CURRENT_VERSION = 1;

    public static SegmentDefinition empty() {
        return new SegmentDefinition(CURRENT_VERSION, new Group(Combinator.ALL, List.of()));
    }

    /** Whether a criterion of it reads an imported audience (EXTERNAL DATA). */
    public boolean usesExternalData() {
        return usesExternalData(root);
    }

    private static boolean usesExternalData(SegmentNode node) {
        if (node instanceof Group group) {
            return group.children().stream().anyMatch(SegmentDefinition::usesExternalData);
        }
        return ((SegmentNode.Condition) node).criterion() instanceof Criterion.ExternalAudience;
    }
}
