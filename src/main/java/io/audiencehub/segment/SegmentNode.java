package io.audiencehub.segment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** The tree of a segment: conditions combined in groups; the root group may hold groups one level deep. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SegmentNode.Condition.class, name = "condition"),
        @JsonSubTypes.Type(value = SegmentNode.Group.class, name = "group")})
public sealed interface SegmentNode {

    /** A criterion, or its negation ("is not"). */
    record Condition(Criterion criterion, boolean negated) implements SegmentNode {
    }

    /** ALL: every child matches (AND). SOME: at least one child matches (OR). */
    enum Combinator { ALL, SOME }

    record Group(Combinator combinator, List<SegmentNode> children) implements SegmentNode {

        public Group {
            children = children == null ? List.of() : List.copyOf(children);
        }
    }
}
