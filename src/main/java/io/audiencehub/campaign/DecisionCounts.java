package io.audiencehub.campaign;

import io.audiencehub.base.BackgroundLoop;
import io.audiencehub.base.ConflictRetry;
import io.audiencehub.base.LoopOrder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decisions counted per campaign and variation: in memory as they happen (no database work on the
 * decision's path, one counter each, found before the decisions start), added every 10 seconds to
 * per-minute rows that every hub shares, so that the list shows the last 24 hours across all hubs. A
 * hub that stops writes what it counted last.
 */
@Component
class DecisionCounts extends BackgroundLoop {


    record Key(long campaignId, String variationKey) {
    }

    private final CampaignRepository campaigns;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<Key, LongAdder> counting = new ConcurrentHashMap<>();

    DecisionCounts(CampaignRepository campaigns, TransactionTemplate transaction, Clock clock, MeterRegistry metrics) {
        super("decision-counts", Duration.ofSeconds(10), LoopOrder.DECISION_COUNTS, metrics);
        this.campaigns = campaigns;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The counter of the variation's decisions, to be incremented once per decision; striped, as hubs decide on many threads. */
    LongAdder counter(long campaignId, String variationKey) {
        return counting.computeIfAbsent(new Key(campaignId, variationKey), key -> new LongAdder());
    }

    /** The decisions of the last 24 hours per campaign, by variation key, as every hub wrote them. */
    Map<Long, Map<String, Long>> lastDay(Collection<Long> campaignIds) {
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        campaigns.decisionsSince(campaignIds, clock.instant().minus(Duration.ofDays(1)))
                .forEach(row -> counts.computeIfAbsent(row.campaignId(), id -> new HashMap<>())
                        .put(row.variationKey(), row.decisions()));
        return counts;
    }

    /** Adds what was counted since the last round to this minute's rows; what fails is counted again next round. */
    @Override
    protected void runOnce() {
        Map<Key, Long> counted = new HashMap<>();
        counting.forEach((key, counter) -> {
            long decisions = counter.sumThenReset();
            if (decisions > 0) {
                counted.put(key, decisions);
            }
        });
        if (counted.isEmpty()) {
            return;
        }
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<CampaignRepository.DecisionCount> rows = new ArrayList<>(counted.size());
        counted.forEach((key, decisions) -> rows.add(new CampaignRepository.DecisionCount(key.campaignId(),
                key.variationKey(), decisions)));
        try {
            ConflictRetry.executeWithoutResult(transaction, status -> campaigns.addDecisions(minute, rows));
        } catch (RuntimeException e) {
            counted.forEach((key, decisions) -> counting.get(key).add(decisions));
            throw e;
        }
    }

    @Override
    protected void afterLastRound() {
        runOnce();
    }
}
