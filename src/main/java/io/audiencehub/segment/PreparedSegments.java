package io.audiencehub.segment;

import com.google.re2j.Pattern;
import io.audiencehub.segment.SegmentNode.Combinator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Segments prepared to be evaluated many at a time for one visitor, as a decision does: every
 * distinct criterion among them is numbered and answered at most once per visitor (the audience
 * criteria all at once, from the visitor's list of audiences), every segment at most once, and each
 * segment's tree is a flat array of numbers rather than objects to walk; URL patterns are compiled
 * once, here. The answers are those of
 * {@link SegmentEvaluation}.
 */
public final class PreparedSegments {

    private static final byte UNANSWERED = 0;
    private static final byte YES = 1;
    private static final byte NO = 2;
    /** The visitor's context does not say: the condition matches neither as "is" nor as "is not". */
    private static final byte UNKNOWN = 3;
    private static final int[] NONE = new int[0];

    private final SegmentEvaluation evaluation;
    private final Criterion[] criteria;
    /** For each audience the criteria name, the numbers of the criteria that name it. */
    private final Map<Long, int[]> audienceCriteria = new HashMap<>();
    /** Each URL pattern criterion's pattern, compiled once for every decision on these segments. */
    private final Pattern[] urlPatterns;
    /** The answers before any is known: unanswered, but "unknown" for a URL pattern that cannot run. */
    private final byte[] unanswered;
    /**
     * The answers of a visitor in no audience: "no" to every audience criterion, the others unanswered.
     * A decision starts from a copy and says "yes" for the visitor's few audiences, so that no
     * audience criterion costs a search.
     */
    private final byte[] inNoAudience;
    /**
     * Every segment's tree in prefix order, one after the other in one array so that a decision reads
     * them from a few cache lines: a condition is {@code criterion << 1 | negated}, a group is
     * {@code -1 - (children << 1 | all)}, then where its subtree ends (so that a group decided by one
     * child skips the others), then its children.
     */
    private final int[] trees;
    /** Where each segment's tree starts in {@link #trees}. */
    private final int[] starts;
    /** The cookies the criteria read, named once per snapshot: the site tag asks on every page view. */
    private final SortedSet<String> cookieNames;

    /** The names of the cookies these segments read, in order. */
    public SortedSet<String> cookieNames() {
        return cookieNames;
    }

    PreparedSegments(SegmentEvaluation evaluation, List<SegmentDefinition> segments) {
        this.evaluation = evaluation;
        Map<Criterion, Integer> numbers = new HashMap<>();
        List<Criterion> distinct = new ArrayList<>();
        this.starts = new int[segments.size()];
        List<Integer> flattened = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            starts[i] = flattened.size();
            flatten(segments.get(i).root(), flattened, numbers, distinct);
        }
        this.trees = flattened.stream().mapToInt(Integer::intValue).toArray();
        this.criteria = distinct.toArray(Criterion[]::new);
        SortedSet<String> cookies = new TreeSet<>();
        for (Criterion criterion : criteria) {
            if (criterion instanceof Criterion.Cookie cookie) {
                cookies.add(cookie.name());
            }
        }
        this.cookieNames = Collections.unmodifiableSortedSet(cookies);
        this.urlPatterns = new Pattern[criteria.length];
        this.unanswered = new byte[criteria.length];
        for (int number = 0; number < criteria.length; number++) {
            if (criteria[number] instanceof Criterion.PageUrl page && page.match() == Criterion.UrlMatch.MATCHES_REGEX) {
                urlPatterns[number] = SegmentEvaluation.urlPattern(page);
                unanswered[number] = urlPatterns[number] == null ? UNKNOWN : UNANSWERED;
            }
        }
        this.inNoAudience = unanswered.clone();
        for (int number = 0; number < criteria.length; number++) {
            if (criteria[number] instanceof Criterion.ExternalAudience audience) {
                int[] naming = audienceCriteria.getOrDefault(audience.audienceId(), NONE);
                int[] more = Arrays.copyOf(naming, naming.length + 1);
                more[naming.length] = number;
                audienceCriteria.put(audience.audienceId(), more);
                inNoAudience[number] = NO;
            }
        }
    }

    public int size() {
        return starts.length;
    }

    /** Whether the visitor is in the segment numbered {@code index}, in the order they were given. */
    public IntPredicate forVisitor(VisitorContext visitor) {
        return new Answers(visitor)::segment;
    }

    private static void flatten(SegmentNode node, List<Integer> tree, Map<Criterion, Integer> numbers,
                                List<Criterion> distinct) {
        node.match(condition -> {
            int number = numbers.computeIfAbsent(condition.criterion(), criterion -> {
                distinct.add(criterion);
                return distinct.size() - 1;
            });
            return tree.add(number << 1 | (condition.negated() ? 1 : 0));
        }, group -> {
            tree.add(-1 - (group.children().size() << 1 | (group.combinator() == Combinator.ALL ? 1 : 0)));
            int end = tree.size();
            tree.add(0);
            group.children().forEach(child -> flatten(child, tree, numbers, distinct));
            return tree.set(end, tree.size());
        });
    }

    /** One visitor's answers, kept for the next segments; not shared between threads. */
    private final class Answers {

        private final VisitorContext visitor;
        private final byte[] criterionAnswers;
        private Criterion.Visitor<Boolean> tester;
        private final byte[] segmentAnswers = new byte[starts.length];
        private int cursor;

        Answers(VisitorContext visitor) {
            this.visitor = visitor;
            long[] memberOf = evaluation.audienceIdsOf(visitor);
            if (memberOf == null) {
                criterionAnswers = unanswered.clone();
                return;
            }
            criterionAnswers = inNoAudience.clone();
            for (long audienceId : memberOf) {
                for (int number : audienceCriteria.getOrDefault(audienceId, NONE)) {
                    criterionAnswers[number] = YES;
                }
            }
        }

        boolean segment(int index) {
            if (segmentAnswers[index] == UNANSWERED) {
                cursor = starts[index];
                segmentAnswers[index] = node() ? YES : NO;
            }
            return segmentAnswers[index] == YES;
        }

        private boolean node() {
            int head = trees[cursor++];
            if (head >= 0) {
                byte answer = criterion(head >>> 1);
                return answer != UNKNOWN && (answer == YES) != ((head & 1) == 1);
            }
            int group = -1 - head;
            boolean all = (group & 1) == 1;
            int end = trees[cursor++];
            for (int child = group >>> 1; child > 0; child--) {
                if (node() != all) {
                    cursor = end;
                    return !all;
                }
            }
            return all;
        }

        private byte criterion(int number) {
            if (criterionAnswers[number] == UNANSWERED) {
                Boolean answer = urlPatterns[number] != null ? SegmentEvaluation.urlMatches(urlPatterns[number], visitor)
                        : criteria[number].accept(tester());
                criterionAnswers[number] = answer == null ? UNKNOWN : answer ? YES : NO;
            }
            return criterionAnswers[number];
        }

        private Criterion.Visitor<Boolean> tester() {
            if (tester == null) {
                tester = evaluation.tester(visitor);
            }
            return tester;
        }
    }
}
