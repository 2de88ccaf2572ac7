package io.audiencehub.segment;

import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.CurrentActor;
import io.audiencehub.segment.SegmentRepository.AudienceReference;
import io.audiencehub.segment.SegmentRepository.StoredSegment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targeting segments, stored as validated definitions and listed in words; an EXTERNAL DATA criterion
 * whose audience became empty or whose connector is no longer validated is kept as it is and flagged
 * ({@link SegmentDescriber}). The builder's preview, its EXTERNAL DATA and the decision API's reading
 * are {@link SegmentPreviews}, {@link ExternalData} and {@link SegmentTargeting}.
 */
@Service
public class SegmentService {

    public static final int MAX_NAME_LENGTH = 120;

    private final SegmentRepository segments;
    private final SegmentDescriber describer;
    private final CurrentActor actor;
    private final List<SegmentUsage> usages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SegmentService(SegmentRepository segments, SegmentDescriber describer, CurrentActor actor,
                   List<SegmentUsage> usages, ApplicationEventPublisher events, Clock clock) {
        this.segments = segments;
        this.describer = describer;
        this.actor = actor;
        this.usages = usages;
        this.events = events;
        this.clock = clock;
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
        SegmentDescriber.Referenced referenced = describer.referenced(definitions);
        Map<Long, Integer> users = usageCounts(page.stream().map(StoredSegment::id).toList());
        List<SegmentSummary> summaries = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            StoredSegment stored = page.get(i);
            SegmentDefinition definition = definitions.get(i);
            summaries.add(new SegmentSummary(stored.id(), stored.name(), describer.describe(definition, referenced),
                    users.getOrDefault(stored.id(), 0), stored.updatedAt(), describer.warnings(definition, referenced)));
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

    /** What uses the segment, in words: "campaign \"Winter sale\" (running)"; empty when nothing does. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<String> usages(long segmentId) {
        return usedBy(segmentId);
    }

    /** The names of the segments that read each audience, by audience id; absent when none does. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, List<String>> segmentsUsing(Collection<Long> audienceIds) {
        return segments.segmentsUsing(audienceIds).stream().collect(Collectors.groupingBy(
                SegmentRepository.SegmentOfAudience::audienceId, Collectors.mapping(
                        SegmentRepository.SegmentOfAudience::segmentName, Collectors.toList())));
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
        return definition.externalAudiences()
                .map(audience -> new AudienceReference(audience.connectorId(), audience.audienceId()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Segment toSegment(StoredSegment stored) {
        return new Segment(stored.id(), stored.name(), SegmentDefinitions.read(stored.definition()), stored.updatedBy(),
                stored.updatedAt());
    }
}
