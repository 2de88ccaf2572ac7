package io.audiencehub.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.campaign.CampaignRepository.StoredCampaign;
import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.CurrentActor;
import io.audiencehub.segment.SegmentService;
import io.audiencehub.segment.SegmentSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns: admins create and change them and move them through their statuses; everyone signed in
 * sees them. A running campaign keeps its variations and weights until it is paused, so that nobody
 * already assigned is moved while it runs. Segments a campaign targets cannot be deleted
 * ({@link CampaignSegmentUsage}).
 */
@Service
public class CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
    private static final Duration DECISION_COUNTS_KEPT = Duration.ofDays(2);
    private static final TypeReference<List<Variation>> VARIATIONS = new TypeReference<>() {
    };

    private final CampaignRepository campaigns;
    private final SegmentService segments;
    private final DecisionCounts decisions;
    private final ExposureKeeper exposures;
    private final CampaignValidation validation;
    private final ObjectMapper json;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, SegmentService segments, DecisionCounts decisions,
                    ExposureKeeper exposures, ObjectMapper json, CurrentActor actor, ApplicationEventPublisher events,
                    Clock clock) {
        this.exposures = exposures;
        this.campaigns = campaigns;
        this.segments = segments;
        this.decisions = decisions;
        this.events = events;
        this.validation = new CampaignValidation(json);
        this.json = json;
        this.actor = actor;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Campaign> page(int offset, int limit) {
        return withSegments(campaigns.page(offset, limit));
    }

    /** A page of campaigns with their segments' names and flags, read in one query for the whole page. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<CampaignSummary> summaries(int offset, int limit) {
        List<Campaign> page = page(offset, limit);
        Map<Long, SegmentSummary> targeted = segments.summaries(page.stream()
                .flatMap(campaign -> campaign.segmentIds().stream()).distinct().toList()).stream()
                .collect(Collectors.toMap(SegmentSummary::id, Function.identity()));
        Map<Long, Map<String, Long>> lastDay = decisions.lastDay(page.stream().map(Campaign::id).toList());
        return page.stream().map(campaign -> {
            List<SegmentSummary> its = campaign.segmentIds().stream().map(targeted::get).filter(Objects::nonNull)
                    .toList();
            return new CampaignSummary(campaign.id(), campaign.name(), campaign.type().label(), campaign.status(),
                    campaign.allSegments(), its.stream().map(SegmentSummary::name).toList(),
                    its.stream().flatMap(segment -> segment.warnings().stream()).toList(), campaign.trafficPercent(),
                    campaign.variations().stream().map(variation -> variation.name() + " " + variation.weight() + " % ("
                            + lastDay.getOrDefault(campaign.id(), Map.of()).getOrDefault(variation.key(), 0L)
                            + " in 24 h)").toList(),
                    campaign.keepVisitors() ? new CampaignSummary.KeptVisitors(exposures.exposed(campaign.id()),
                            exposures.outsideSegments(campaign.id())) : null);
        }).toList();
    }

    /** Segments a campaign may target, by name, a page at a time. */
    @PreAuthorize("isAuthenticated()")
    public List<SegmentChoice> segmentChoices(String nameContains, int offset, int limit) {
        return segments.named(nameContains, offset, limit).stream().map(CampaignService::choice).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public int countSegmentChoices(String nameContains) {
        return segments.countNamed(nameContains);
    }

    /** The segments with these ids, in that order; absent ids are left out. */
    @PreAuthorize("isAuthenticated()")
    public List<SegmentChoice> segmentChoices(List<Long> segmentIds) {
        Map<Long, SegmentChoice> found = segments.summaries(segmentIds).stream().map(CampaignService::choice)
                .collect(Collectors.toMap(SegmentChoice::id, Function.identity()));
        return segmentIds.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private static SegmentChoice choice(SegmentSummary segment) {
        return new SegmentChoice(segment.id(), segment.name(), segment.warnings());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int count() {
        return campaigns.count();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Campaign> find(long id) {
        return campaigns.find(id).map(stored -> withSegments(List.of(stored)).get(0));
    }

    /** A new campaign, in Draft. */
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.CAMPAIGNS_AUTHORITY + "')")
    @Transactional
    public Campaign create(CampaignDraft draft) {
        check(draft, 0);
        long id = campaigns.insert(draft, write(draft.variations()), actor.name(), clock.instant());
        campaigns.replaceSegments(id, draft.segmentIds());
        events.publishEvent(new CampaignChanged(id));
        return find(id).orElseThrow();
    }

    /** Changes a campaign; a running one only as long as its variations and weights stay as they are. */
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.CAMPAIGNS_AUTHORITY + "')")
    @Transactional
    public Campaign save(long id, CampaignDraft draft) {
        Campaign current = existing(id);
        if (current.status() == CampaignStatus.ENDED) {
            throw new CampaignException("Campaign \"" + current.name() + "\" has ended and can no longer change;"
                    + " duplicate it to run it again.");
        }
        if (current.status() == CampaignStatus.RUNNING && !current.variations().equals(draft.variations())) {
            throw new CampaignException("Campaign \"" + current.name() + "\" is running: its variations and weights"
                    + " change only while it is paused, so that no visitor already assigned moves. Pause it first.");
        }
        if (current.status() == CampaignStatus.RUNNING && current.keepVisitors() != draft.keepVisitors()) {
            throw new CampaignException("Campaign \"" + current.name() + "\" is running: whether it keeps the visitors"
                    + " it exposed changes only while it is paused, so that no running test changes its rule half way."
                    + " Pause it first.");
        }
        check(draft, id);
        if (campaigns.update(id, draft, write(draft.variations()), actor.name(), clock.instant()) != 1) {
            throw new CampaignException("Campaign " + id + " no longer exists. Reload the page.");
        }
        campaigns.replaceSegments(id, draft.segmentIds());
        events.publishEvent(new CampaignChanged(id));
        return find(id).orElseThrow();
    }

    /**
     * Starts a draft or paused campaign whose targeted audiences are all there: synced, with a matched member,
     * their syncs neither stale nor failing.
     *
     * @throws AudiencesNotReady naming those that are not: {@link #startAnyway} starts it all the same
     */
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.CAMPAIGNS_AUTHORITY + "')")
    @Transactional
    public Campaign start(long id) {
        Campaign campaign = existing(id);
        List<String> problems = segments.summaries(campaign.segmentIds()).stream()
                .flatMap(segment -> segment.warnings().stream()).distinct().toList();
        if (!problems.isEmpty()) {
            throw new AudiencesNotReady(campaign, problems);
        }
        return move(id, CampaignStatus.RUNNING);
    }

    /** Starts a campaign whatever its audiences' state, as an admin who read {@link AudiencesNotReady} confirms. */
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.CAMPAIGNS_AUTHORITY + "')")
    @Transactional
    public Campaign startAnyway(long id) {
        log.info("Campaign {} started by {} whatever the state of its audiences", id, actor.name());
        return move(id, CampaignStatus.RUNNING);
    }

    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.CAMPAIGNS_AUTHORITY + "')")
    @Transactional
    public Campaign pause(long id) {
        return move(id, CampaignStatus.PAUSED);
    }

    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.CAMPAIGNS_AUTHORITY + "')")
    @Transactional
    public Campaign end(long id) {
        return move(id, CampaignStatus.ENDED);
    }

    /** Deletes a campaign that never ran; one that did is refused, to be ended instead, so that its history stays. */
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + ApiKeyScope.CAMPAIGNS_AUTHORITY + "')")
    @Transactional
    public void delete(long id) {
        Campaign campaign = existing(id);
        if (campaign.status() != CampaignStatus.DRAFT || campaigns.deleteDraft(id) != 1) {
            throw new CampaignException("Campaign \"" + campaign.name() + "\" is " + campaign.status().label()
                    .toLowerCase() + ": only a draft can be deleted; end a campaign that ran instead.");
        }
        log.info("Campaign {} ({}) deleted by {}", id, campaign.name(), actor.name());
        events.publishEvent(new CampaignChanged(id));
    }

    private Campaign move(long id, CampaignStatus next) {
        Campaign campaign = existing(id);
        if (!campaign.status().next().contains(next)) {
            throw new CampaignException("Campaign \"" + campaign.name() + "\" is " + campaign.status().label()
                    .toLowerCase() + ": it cannot become " + next.label().toLowerCase()
                    + (campaign.status() == CampaignStatus.ENDED ? "; an ended campaign is final." : "."));
        }
        if (campaigns.changeStatus(id, campaign.status(), next, actor.name(), clock.instant()) != 1) {
            throw new CampaignException("Campaign \"" + campaign.name() + "\" was changed meanwhile. Reload the page.");
        }
        events.publishEvent(new CampaignChanged(id));
        return find(id).orElseThrow();
    }

    /**
     * The running campaigns' decisions per variation and hour since {@code since}: one line per campaign
     * and variation, its hours in order (hours without decisions left out).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<HourlyDecisions> runningDecisionsPerHour(Instant since) {
        Map<Long, Campaign> byId = running().stream().collect(Collectors.toMap(Campaign::id, campaign -> campaign));
        Map<String, HourlyDecisions> lines = new LinkedHashMap<>();
        campaigns.decisionsPerHourSince(byId.keySet(), since).stream()
                .sorted(Comparator.comparing(CampaignRepository.HourCount::hour))
                .forEach(count -> {
                    Campaign campaign = byId.get(count.campaignId());
                    String variation = campaign.variations().stream().filter(each -> each.key().equals(count.variationKey()))
                            .map(Variation::name).findFirst().orElse(count.variationKey());
                    lines.computeIfAbsent(count.campaignId() + "/" + count.variationKey(), line -> new HourlyDecisions(
                            campaign.id(), campaign.name(), variation, new LinkedHashMap<>()))
                            .perHour().merge(count.hour(), count.decisions(), Long::sum);
                });
        return List.copyOf(lines.values());
    }

    /** The running campaigns, for the decision API: it reads them with no sign-in. */
    @Transactional(readOnly = true)
    List<Campaign> running() {
        return withSegments(campaigns.withStatus(CampaignStatus.RUNNING));
    }

    private void check(CampaignDraft draft, long id) {
        List<String> problems = new ArrayList<>(validation.problems(draft));
        if (draft.name() != null && !draft.name().isBlank() && campaigns.nameTaken(draft.name(), id)) {
            problems.add(0, "name: another campaign is already named \"" + draft.name().strip() + "\"");
        }
        if (!problems.isEmpty()) {
            throw new CampaignException(String.join("; ", problems) + ".");
        }
    }

    private Campaign existing(long id) {
        return find(id).orElseThrow(() -> new CampaignException("Campaign " + id + " no longer exists. Reload the page."));
    }

    private List<Campaign> withSegments(List<StoredCampaign> stored) {
        Map<Long, List<Long>> segments = campaigns.segmentsOf(stored.stream().map(StoredCampaign::id).toList()).stream()
                .collect(Collectors.groupingBy(CampaignRepository.SegmentTarget::campaignId,
                        Collectors.mapping(CampaignRepository.SegmentTarget::segmentId, Collectors.toList())));
        return stored.stream().map(row -> new Campaign(row.id(), row.name(), row.type(), row.allSegments(),
                segments.getOrDefault(row.id(), List.of()), row.trafficPercent(), row.keepVisitors(), read(row.variations()),
                row.startAt(), row.endAt(), row.status(), row.updatedBy(), row.updatedAt())).toList();
    }

    private String write(List<Variation> variations) {
        try {
            return json.writeValueAsString(validation.canonical(variations));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("variations are plain records", e);
        }
    }

    private List<Variation> read(String stored) {
        try {
            return List.copyOf(json.readValue(stored, VARIATIONS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored campaign's variations cannot be read", e);
        }
    }

    /** Forgets decision counts older than the two days the list shows, on one hub of a cluster at a time. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    @SchedulerLock(name = "decision-count-cleanup", lockAtMostFor = "PT10M")
    @Transactional
    public void forgetOldCounts() {
        int deleted = campaigns.deleteDecisionsBefore(clock.instant().minus(DECISION_COUNTS_KEPT));
        if (deleted > 0) {
            log.info("Forgot {} decision counts older than {} days", deleted, DECISION_COUNTS_KEPT.toDays());
        }
    }
}
