package io.audiencehub.segment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** The tree of a segment: conditions combined in groups; the root group may hold groups one level deep. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SegmentNode.Condition.class, name = "condition"),
        @JsonSubTypes.Type(value = SegmentNode.Group.class, name = "group")})
public sealed interface SegmentNode {

    /** What {@code condition} answers for a condition, or {@code group} for a group: a walk of the tree without casts. */
    <R> R match(Function<Condition, R> condition, Function<Group, R> group);

    /** Every condition under this node (itself, when it is one), in the order the tree holds them. */
    Stream<Condition> conditions();

    /** A criterion, or its negation ("is not"). */
    record Condition(Criterion criterion, boolean negated) implements SegmentNode {

        @Override
        public <R> R match(Function<Condition, R> condition, Function<Group, R> group) {
            return condition.apply(this);
        }

        @Override
        public Stream<Condition> conditions() {
            return Stream.of(this);
        }
    }

    /** ALL: every child matches (AND). SOME: at least one child matches (OR). */
    enum Combinator { ALL, SOME }

    record Group(Combinator combinator, List<SegmentNode> children) implements SegmentNode {

        public Group {
            children = children == null ? List.of() : List.copyOf(children);
        }

        @Override
        public <R> R match(Function<Condition, R> condition, Function<Group, R> group) {
            return group.apply(this);
        }

        @Override
        public Stream<Condition> conditions() {
            return children.stream().flatMap(SegmentNode::conditions);
        }
    }
}
