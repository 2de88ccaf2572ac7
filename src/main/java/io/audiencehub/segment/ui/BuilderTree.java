package io.audiencehub.segment.ui;

import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentNode;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import java.util.ArrayList;
import java.util.List;

/** The segment being built, as the builder edits it: groups and conditions that move between groups. */
final class BuilderTree {

    static final class BuilderGroup {
        Combinator combinator;
        final List<Object> children = new ArrayList<>();

        BuilderGroup(Combinator combinator) {
            this.combinator = combinator;
        }
    }

    static final class BuilderCondition {
        Criterion criterion;
        boolean negated;

        BuilderCondition(Criterion criterion, boolean negated) {
            this.criterion = criterion;
            this.negated = negated;
        }
    }

    final BuilderGroup root;

    private BuilderTree(BuilderGroup root) {
        this.root = root;
    }

    static BuilderTree of(SegmentDefinition definition) {
        return new BuilderTree(edit(definition.root()));
    }

    SegmentDefinition definition() {
        return new SegmentDefinition(SegmentDefinition.CURRENT_VERSION, group(root));
    }

    /** Takes the condition out of whichever group holds it and appends it to {@code target}. */
    void move(BuilderCondition condition, BuilderGroup target) {
        remove(condition);
        target.children.add(condition);
    }

    void remove(Object child) {
        if (!root.children.remove(child)) {
            root.children.stream().filter(BuilderGroup.class::isInstance)
                    .forEach(group -> ((BuilderGroup) group).children.remove(child));
        }
    }

    private static BuilderGroup edit(Group group) {
        BuilderGroup editable = new BuilderGroup(group.combinator());
        group.children().forEach(child -> editable.children.add(child.match(
                condition -> new BuilderCondition(condition.criterion(), condition.negated()), BuilderTree::edit)));
        return editable;
    }

    private static Group group(BuilderGroup group) {
        return new Group(group.combinator, group.children.stream().map(BuilderTree::node).toList());
    }

    private static SegmentNode node(Object editable) {
        if (editable instanceof BuilderGroup group) {
            return group(group);
        }
        BuilderCondition condition = (BuilderCondition) editable;
        return new Condition(condition.criterion, condition.negated);
    }
}
