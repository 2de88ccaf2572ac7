package io.audiencehub.campaign;

import io.audiencehub.audience.AudienceService;
import io.audiencehub.campaign.Decider.Live;
import io.audiencehub.campaign.Decider.Snapshot;
import io.audiencehub.connector.ConnectorPushChanged;
import io.audiencehub.connector.CampaignPush;
import io.audiencehub.segment.SegmentChanged;
import io.audiencehub.segment.SegmentDefinition;
import io.audiencehub.segment.SegmentTargeting;
import io.audiencehub.segment.VisitorContext;
import io.audiencehub.visitor.TagCookies;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Decides which running campaigns a visitor falls into and which variation it sees, from a snapshot
 * of the running campaigns and their segments held in memory: nothing is read from the database per
 * decision. The snapshot is rebuilt after every campaign or segment change on this instance and every
 * 5 seconds for changes made on others; so is which analytics tools are told (Push).
 *
 * <p>Staleness: until this instance has loaded the imported audiences, a campaign whose segments read
 * them (EXTERNAL DATA) is left out and the answer says {@code stale}; it is never answered as if every
 * audience were empty, where "is not in" would match everyone.
 */
@Service
public class DecisionService implements TagCookies {

    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

    /** The snapshot, and the decider that counts its campaigns' decisions. */
    private record Running(Snapshot snapshot, Decider decider, Map<String, Boolean> push) {
    }

    private final CampaignService campaigns;
    private final SegmentTargeting segments;
    private final AudienceService audiences;
    private final CampaignPush campaignPush;
    private final DecisionCounts counts;
    private final MeterRegistry metrics;
    private final ExposureKeeper exposures;
    private volatile Running running;

    DecisionService(CampaignService campaigns, SegmentTargeting segments, AudienceService audiences,
                    CampaignPush campaignPush, DecisionCounts counts, MeterRegistry metrics, ExposureKeeper exposures) {
        this.exposures = exposures;
        this.campaigns = campaigns;
        this.segments = segments;
        this.audiences = audiences;
        this.campaignPush = campaignPush;
        this.counts = counts;
        this.metrics = metrics;
        this.running = new Running(Snapshot.of(List.of(), Map.of(), segments::prepare), new Decider((live, variation) -> { },
                exposures),
                Map.of());
    }

    /**
     * The campaigns running at {@code now} that the visitor falls into, each with its variation. The
     * segments read the visitor's context, whose time may be the visitor's own; the campaigns' dates
     * follow the server's clock. The targeted segments the visitor is in are listed only
     * {@code withMatchedSegments}: server-side clients ask for them, the site tag does not.
     */
    public Decisions decide(VisitorContext visitor, Instant now, boolean withMatchedSegments) {
        Running current = running;
        return current.decider().decide(current.snapshot(), visitor, now, audiences.isLoaded(), current.push(),
                withMatchedSegments);
    }

    /** The snapshot decisions use now, for an explanation made on request. */
    Snapshot snapshot() {
        return running.snapshot();
    }

    /**
     * A decision for a server-side client, with matched segments, and its explanation, both from one
     * snapshot; the explanation costs nothing to the decisions of others.
     */
    DecisionRequest.Answer decideExplained(VisitorContext visitor, Instant now, DecisionExplainer explainer,
                                           List<String> contextGiven) {
        Running current = running;
        Decisions decided = current.decider().decide(current.snapshot(), visitor, now, audiences.isLoaded(),
                current.push(), true);
        return DecisionRequest.Answer.of(decided, explainer.explain(current.snapshot(), visitor, now, contextGiven));
    }

    /** The cookies the running campaigns' segments read: the site tag sends those and no other. */
    @Override
    public SortedSet<String> cookieNamesRead() {
        return running.snapshot().segments().cookieNames();
    }

    /** Rebuilds the snapshot of running campaigns; the last good one stays when the database cannot answer. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelay = 5, initialDelay = 5, timeUnit = TimeUnit.SECONDS)
    void refresh() {
        try {
            List<Campaign> candidates = campaigns.running();
            Map<Long, SegmentDefinition> definitions = segments.definitions(candidates.stream()
                    .flatMap(campaign -> campaign.segmentIds().stream()).distinct().toList());
            List<Campaign> deciding = new ArrayList<>(candidates.size());
            for (Campaign campaign : candidates) {
                if (definitions.keySet().containsAll(campaign.segmentIds())) {
                    deciding.add(campaign);
                } else {
                    log.warn("Campaign {} ({}) targets a segment that no longer exists; it decides nothing",
                            campaign.id(), campaign.name());
                }
            }
            Snapshot snapshot = Snapshot.of(deciding, definitions, segments::prepare);
            Counter[][] decisionMetrics = new Counter[deciding.size()][];
            LongAdder[][] decisionCounts = new LongAdder[deciding.size()][];
            for (Live live : snapshot.campaigns()) {
                Campaign campaign = live.campaign();
                decisionMetrics[live.position()] = campaign.variations().stream().map(variation -> metrics.counter(
                        "audiencehub.decisions", "campaign", String.valueOf(campaign.id()), "variation", variation.key()))
                        .toArray(Counter[]::new);
                decisionCounts[live.position()] = campaign.variations().stream()
                        .map(variation -> counts.counter(campaign.id(), variation.key())).toArray(LongAdder[]::new);
            }
            Decider decider = new Decider((live, variation) -> {
                decisionMetrics[live.position()][variation].increment();
                decisionCounts[live.position()][variation].increment();
            }, exposures);
            running = new Running(snapshot, decider, campaignPush.tools());
        } catch (RuntimeException e) {
            log.error("Could not reload the running campaigns; decisions go on from the last ones loaded", e);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onCampaignChanged(CampaignChanged change) {
        refresh();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onSegmentChanged(SegmentChanged change) {
        refresh();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPushChanged(ConnectorPushChanged change) {
        refresh();
    }
}
