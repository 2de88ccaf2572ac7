package io.audiencehub.segment;

import io.audiencehub.audience.Audience;
import io.audiencehub.audience.AudienceFormula;
import io.audiencehub.audience.AudienceService;
import io.audiencehub.catalog.Provider;
import io.audiencehub.catalog.ProviderCatalog;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import io.audiencehub.connector.ConnectorState;
import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.CurrentActor;
import io.audiencehub.segment.Criterion.ExternalAudience;
import io.audiencehub.segment.SegmentNode.Combinator;
import io.audiencehub.segment.SegmentNode.Condition;
import io.audiencehub.segment.SegmentNode.Group;
import io.audiencehub.segment.SegmentRepository.AudienceReference;
import io.audiencehub.segment.SegmentRepository.StoredSegment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targeting segments: stored as validated definitions, listed in words, evaluated for a visitor, and
 * estimated on the imported audiences. An EXTERNAL DATA criterion whose audience became empty or
 * whose connector is no longer validated is kept as it is and flagged.
 */
@Service
public class SegmentService {

    public static final int MAX_NAME_LENGTH = 120;

    private final SegmentRepository segments;
    private final ConnectorService connectors;
    private final AudienceService audiences;
    private final ProviderCatalog catalog;
    private final CurrentActor actor;
    private final List<SegmentUsage> usages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SegmentEvaluation evaluation;

    SegmentService(SegmentRepository segments, ConnectorService connectors, AudienceService audiences,
                   ProviderCatalog catalog, CurrentActor actor, List<SegmentUsage> usages,
                   ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.segments = segments;
        this.connectors = connectors;
        this.audiences = audiences;
        this.catalog = catalog;
        this.actor = actor;
        this.usages = usages;
        this.clock = clock;
        this.evaluation = new SegmentEvaluation(new AudienceMembership() {
            @Override
            public boolean isMember(long audienceId, String visitorId) {
                return audiences.isMember(audienceId, visitorId);
            }

            @Override
            public long[] audienceIdsOf(String visitorId) {
                return audiences.audienceIdsOf(visitorId);
            }
        });
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<SegmentSummary> page(int offset, int limit) {
        return summarize(segments.page(offset, limit));
    }

    /** Segments whose name contains {@code nameContains}, as the list shows them, a page at a time. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<SegmentSummary> named(String nameContains, int offset, int limit) {
        return summarize(segments.named(nameContains, offset, limit));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int countNamed(String nameContains) {
        return segments.countNamed(nameContains);
    }

    /** The segments with these ids, as the list shows them; absent ids are left out. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<SegmentSummary> summaries(Collection<Long> segmentIds) {
        return segmentIds.isEmpty() ? List.of() : summarize(segments.byIds(segmentIds));
    }

    private List<SegmentSummary> summarize(List<StoredSegment> page) {
        List<SegmentDefinition> definitions = page.stream()
                .map(stored -> SegmentDefinitions.read(stored.definition())).toList();
        Referenced referenced = referenced(definitions);
        Map<Long, Integer> users = usageCounts(page.stream().map(StoredSegment::id).toList());
        List<SegmentSummary> summaries = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            StoredSegment stored = page.get(i);
            SegmentDefinition definition = definitions.get(i);
            summaries.add(new SegmentSummary(stored.id(), stored.name(), describe(definition, referenced),
                    users.getOrDefault(stored.id(), 0), stored.updatedAt(), warnings(definition, referenced)));
        }
        return summaries;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int count() {
        return segments.count();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Segment> find(long id) {
        return segments.find(id).map(SegmentService::toSegment);
    }

    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.SEGMENTS_AUTHORITY + "')")
    @Transactional
    public Segment create(String name, SegmentDefinition definition) {
        String json = SegmentDefinitions.write(definition);
        long id = segments.insert(requireFreeName(name, 0), json, actor.name(), clock.instant());
        segments.replaceReferences(id, references(definition));
        events.publishEvent(new SegmentChanged(id));
        return find(id).orElseThrow();
    }

    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.SEGMENTS_AUTHORITY + "')")
    @Transactional
    public Segment save(long id, String name, SegmentDefinition definition) {
        String json = SegmentDefinitions.write(definition);
        if (segments.update(id, requireFreeName(name, id), json, actor.name(), clock.instant()) != 1) {
            throw new SegmentException("Segment " + id + " no longer exists. Reload the page.");
        }
        segments.replaceReferences(id, references(definition));
        events.publishEvent(new SegmentChanged(id));
        return find(id).orElseThrow();
    }

    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.SEGMENTS_AUTHORITY + "')")
    @Transactional
    public Segment rename(long id, String name) {
        return save(id, name, existing(id).definition());
    }

    /** A copy named "Copy of ..." (numbered when that name is taken). */
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.SEGMENTS_AUTHORITY + "')")
    @Transactional
    public Segment duplicate(long id) {
        Segment original = existing(id);
        String base = "Copy of " + original.name();
        String name = base.length() > MAX_NAME_LENGTH ? base.substring(0, MAX_NAME_LENGTH) : base;
        for (int copy = 2; segments.nameTaken(name, 0); copy++) {
            String suffix = " (" + copy + ")";
            name = (base.length() + suffix.length() > MAX_NAME_LENGTH
                    ? base.substring(0, MAX_NAME_LENGTH - suffix.length()) : base) + suffix;
        }
        return create(name, original.definition());
    }

    /** Refused, naming what uses it, while a campaign targets the segment. */
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.SEGMENTS_AUTHORITY + "')")
    @Transactional
    public void delete(long id) {
        Segment segment = existing(id);
        List<String> users = usedBy(id);
        if (!users.isEmpty()) {
            throw new SegmentException("Segment \"" + segment.name() + "\" cannot be deleted: it is used by "
                    + String.join(", ", users) + ".");
        }
        segments.delete(id);
        events.publishEvent(new SegmentChanged(id));
    }

    /** EXTERNAL DATA: one item per validated connector. */
    @PreAuthorize("isAuthenticated()")
    public List<ExternalSource> externalSources() {
        return connectors.validated().stream().map(this::externalSource).toList();
    }

    /** The EXTERNAL DATA item of one connector, while it is validated. */
    @PreAuthorize("isAuthenticated()")
    public Optional<ExternalSource> externalSource(long connectorId) {
        return connectors.find(connectorId).filter(connector -> connector.state() == ConnectorState.VALIDATED)
                .map(this::externalSource);
    }

    private ExternalSource externalSource(Connector connector) {
        return new ExternalSource(connector.id(), label(connector));
    }

    /** The audiences a criterion may pick, by name: only those with at least one matched member. */
    @PreAuthorize("isAuthenticated()")
    public List<AudienceChoice> availableAudiences(long connectorId, String nameContains, int offset, int limit) {
        return audiences.page(connectorId, nameContains, true, offset, limit).stream()
                .map(SegmentService::choice).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public int availableAudienceCount(long connectorId, String nameContains) {
        return audiences.count(connectorId, nameContains, true);
    }

    /** The audience a criterion names, available or not, so a form can show what it holds. */
    @PreAuthorize("isAuthenticated()")
    public Optional<AudienceChoice> audience(long audienceId) {
        return audiences.find(audienceId).map(SegmentService::choice);
    }

    private static AudienceChoice choice(Audience audience) {
        return new AudienceChoice(audience.id(), audience.name(), audience.available()
                ? audience.matchedCount() + " matched" : Audience.UNAVAILABLE_REASON);
    }

    /** What is wrong with the definition's EXTERNAL DATA criteria now, in words; empty when nothing is. */
    @PreAuthorize("isAuthenticated()")
    public List<String> warnings(SegmentDefinition definition) {
        return warnings(definition, referenced(List.of(definition)));
    }

    private List<String> warnings(SegmentDefinition definition, Referenced referenced) {
        List<String> warnings = new ArrayList<>();
        for (AudienceReference reference : references(definition)) {
            Connector connector = referenced.connectors().get(reference.connectorId());
            Audience audience = referenced.audiences().get(reference.audienceId());
            String what = audience != null ? "\"" + audience.name() + "\"" : "audience " + reference.audienceId();
            if (connector == null) {
                warnings.add(what + ": its connector was deleted");
            } else if (connector.state() != ConnectorState.VALIDATED) {
                warnings.add(what + ": connector \"" + connector.name() + "\" is " + connector.state().label());
            } else if (audience == null) {
                warnings.add(what + " no longer exists");
            } else if (!audience.available()) {
                warnings.add(what + " is empty: " + Audience.UNAVAILABLE_REASON);
            }
        }
        return warnings;
    }

    /** The connectors and audiences that definitions name, read in one query each for all of them. */
    private Referenced referenced(Collection<SegmentDefinition> definitions) {
        Set<AudienceReference> references = new LinkedHashSet<>();
        definitions.forEach(definition -> collect(definition.root(), references));
        return referenced(references);
    }

    private Referenced referenced(Set<AudienceReference> references) {
        return new Referenced(
                connectors.byIds(references.stream().map(AudienceReference::connectorId).distinct().toList()),
                audiences.byIds(references.stream().map(AudienceReference::audienceId).distinct().toList()));
    }

    private record Referenced(Map<Long, Connector> connectors, Map<Long, Audience> audiences) {
    }

    /** The exact number of known visitors the EXTERNAL DATA part holds for; page criteria may match anyone. */
    @PreAuthorize("isAuthenticated()")
    public ReachEstimate reach(SegmentDefinition definition) {
        if (references(definition).isEmpty()) {
            return new ReachEstimate(null, !definition.root().children().isEmpty());
        }
        boolean[] dependsOnPage = {false};
        AudienceFormula formula = formula(definition.root(), dependsOnPage);
        return new ReachEstimate(audiences.knownVisitorsMatching(formula), dependsOnPage[0]);
    }

    /** The definitions of the segments, by id, for the decision API: it reads them with no sign-in. */
    @Transactional(readOnly = true)
    public Map<Long, SegmentDefinition> definitions(Collection<Long> segmentIds) {
        if (segmentIds.isEmpty()) {
            return Map.of();
        }
        return segments.byIds(segmentIds).stream().collect(Collectors.toMap(StoredSegment::id,
                stored -> SegmentDefinitions.read(stored.definition())));
    }

    /**
     * The segments, prepared to be evaluated many at a time for one visitor after another; the decision
     * API prepares the running campaigns' segments and asks them for every decision, with no sign-in.
     */
    public PreparedSegments prepare(List<SegmentDefinition> definitions) {
        return evaluation.prepare(definitions);
    }

    /** The definition in words, as the list and the builder's summary show it. */
    @PreAuthorize("isAuthenticated()")
    public String describe(SegmentDefinition definition) {
        return describe(definition, referenced(List.of(definition)));
    }

    private String describe(SegmentDefinition definition, Referenced referenced) {
        return definition.root().children().isEmpty() ? "every visitor" : describe(definition.root(), referenced);
    }

    private String describe(SegmentNode node, Referenced referenced) {
        if (node instanceof Group group) {
            String joiner = group.combinator() == Combinator.ALL ? " and " : " or ";
            String text = group.children().stream().map(child -> describe(child, referenced))
                    .collect(Collectors.joining(joiner));
            return group.children().size() > 1 ? "(" + text + ")" : text;
        }
        Condition condition = (Condition) node;
        return CriterionText.describe(condition.criterion(), condition.negated(),
                criterion -> audienceLabel(criterion, referenced));
    }

    /** "Heap Analytics - Production / Free Customers": an EXTERNAL DATA criterion's connector and audience. */
    @PreAuthorize("isAuthenticated()")
    public String audienceLabel(ExternalAudience criterion) {
        return audienceLabel(criterion,
                referenced(Set.of(new AudienceReference(criterion.connectorId(), criterion.audienceId()))));
    }

    private String audienceLabel(ExternalAudience criterion, Referenced referenced) {
        Connector connector = referenced.connectors().get(criterion.connectorId());
        Audience audience = referenced.audiences().get(criterion.audienceId());
        return (connector == null ? "a deleted connector" : label(connector)) + " / "
                + (audience == null ? "a removed audience" : audience.name());
    }

    private AudienceFormula formula(SegmentNode node, boolean[] dependsOnPage) {
        if (node instanceof Group group) {
            List<AudienceFormula> parts = group.children().stream().map(child -> formula(child, dependsOnPage)).toList();
            return group.combinator() == Combinator.ALL ? new AudienceFormula.All(parts) : new AudienceFormula.Some(parts);
        }
        Condition condition = (Condition) node;
        if (condition.criterion() instanceof ExternalAudience audience) {
            return new AudienceFormula.Member(audience.audienceId(), condition.negated());
        }
        dependsOnPage[0] = true;
        return new AudienceFormula.Anyone();
    }

    private String label(Connector connector) {
        return catalog.find(connector.providerId()).map(Provider::name).orElse(connector.providerId()) + " - "
                + connector.name();
    }

    private Map<Long, Integer> usageCounts(List<Long> segmentIds) {
        Map<Long, Integer> counts = new HashMap<>();
        usages.forEach(usage -> usage.usagesOf(segmentIds)
                .forEach((segmentId, uses) -> counts.merge(segmentId, uses.size(), Integer::sum)));
        return counts;
    }

    private List<String> usedBy(long segmentId) {
        return usages.stream().flatMap(usage -> usage.usagesOf(segmentId).stream()).toList();
    }

    private Segment existing(long id) {
        return find(id).orElseThrow(() -> new SegmentException("Segment " + id + " no longer exists. Reload the page."));
    }

    private String requireFreeName(String name, long id) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new SegmentException("A segment needs a name of 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        if (segments.nameTaken(trimmed, id)) {
            throw new SegmentException("Another segment is already named \"" + trimmed + "\".");
        }
        return trimmed;
    }

    private static Set<AudienceReference> references(SegmentDefinition definition) {
        Set<AudienceReference> references = new LinkedHashSet<>();
        collect(definition.root(), references);
        return references;
    }

    private static void collect(SegmentNode node, Set<AudienceReference> references) {
        if (node instanceof Group group) {
            group.children().forEach(child -> collect(child, references));
        } else if (((Condition) node).criterion() instanceof ExternalAudience audience) {
            references.add(new AudienceReference(audience.connectorId(), audience.audienceId()));
        }
    }

    private static Segment toSegment(StoredSegment stored) {
        return new Segment(stored.id(), stored.name(), SegmentDefinitions.read(stored.definition()), stored.updatedBy(),
                stored.updatedAt());
    }
}
