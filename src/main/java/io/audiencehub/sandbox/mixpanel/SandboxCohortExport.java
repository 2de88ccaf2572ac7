package io.audiencehub.sandbox.mixpanel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.base.BackgroundTasks;
import io.audiencehub.sandbox.mixpanel.SandboxMixpanelProject.Member;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Mixpanel's cohort sync, played against a Custom Webhook connection: a full {@code members} export
 * first (and after the snapshot it diffs from grew too old), then {@code add_members} and
 * {@code remove_members} of what changed since the last successful sync, a sync with no change calling
 * with empty lists. Pages of {@code pageSize}; a call answered 429 or 5xx, or not answered, is retried
 * with a doubling delay; one answered 400, 401, 403 or 404 pauses the export until the user resumes it.
 */
@Service
@Profile("sandbox")
public class SandboxCohortExport {

    private static final Logger log = LoggerFactory.getLogger(SandboxCohortExport.class);
    private static final Duration RECURRING_CLAIM = Duration.ofMinutes(30);

    /** How one sync ended. */
    public record Outcome(String sessionId, boolean full, int added, int removed, boolean delivered, String message) {
    }

    private final SandboxMixpanelProject project;
    private final SandboxMixpanelSyncs syncs;
    private final SandboxMixpanelProperties settings;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final BackgroundTasks background;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RetryTemplate retries;
    private final HttpClient http;
    private final Map<Long, ReentrantLock> running = new ConcurrentHashMap<>();

    SandboxCohortExport(SandboxMixpanelProject project, SandboxMixpanelSyncs syncs, SandboxMixpanelProperties settings,
                        ObjectMapper json, TransactionTemplate transaction, BackgroundTasks background,
                        ApplicationEventPublisher events, Clock clock) {
        this.project = project;
        this.syncs = syncs;
        this.settings = settings;
        this.json = json;
        this.transaction = transaction;
        this.background = background;
        this.events = events;
        this.clock = clock;
        this.retries = RetryTemplate.builder().maxAttempts(settings.retries() + 1)
                .exponentialBackoff(settings.retryBackoff(), 2, Duration.ofMinutes(1)).retryOn(Transient.class).build();
        this.http = HttpClient.newBuilder().connectTimeout(settings.deliveryTimeout()).build();
    }

    /** Exports the cohort to the connection now, as the cohort page's Sync now does; returns how it ended. */
    @PreAuthorize("hasRole('ADMIN')")
    public Outcome sync(long cohortId) {
        return syncNow(cohortId);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void syncInBackground(long cohortId) {
        requireSyncable(cohortId);
        startSync(cohortId);
    }

    /** Mixpanel's own schedule, with no user: each due sync runs on the one hub of a cluster that claims it. */
    @Scheduled(fixedDelayString = "${audiencehub.sandbox.mixpanel.recurring-check:30s}")
    void syncDueRecurringExports() {
        Instant now = clock.instant();
        for (long cohortId : syncs.dueRecurringSyncs(now)) {
            if (claimDue(cohortId, now)) {
                startSync(cohortId);
            }
        }
    }

    private boolean claimDue(long cohortId, Instant now) {
        try {
            return syncs.claimDue(cohortId, now, now.plus(RECURRING_CLAIM));
        } catch (ConcurrencyFailureException claimedElsewhere) {
            return false;
        }
    }

    private void startSync(long cohortId) {
        background.execute(() -> {
            try {
                syncNow(cohortId);
            } catch (RuntimeException e) {
                log.error("Mixpanel sandbox sync of cohort {} failed", cohortId, e);
            }
        });
    }

    private Outcome syncNow(long cohortId) {
        ReentrantLock lock = running.computeIfAbsent(cohortId, id -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new IllegalStateException("A sync of this cohort is already running.");
        }
        try {
            return syncLocked(cohortId);
        } finally {
            lock.unlock();
            events.publishEvent(new MixpanelDeliveryLogged(cohortId));
        }
    }

    private MixpanelCohortSync requireSyncable(long cohortId) {
        MixpanelCohortSync sync = syncs.sync(cohortId).orElseThrow(() -> new IllegalStateException(
                "Export this cohort to a Custom Webhook connection first."));
        if (sync.paused()) {
            throw new IllegalStateException("This cohort's sync is paused: " + sync.lastResult()
                    + " Fix the connection, then resume the sync.");
        }
        return sync;
    }

    private Outcome syncLocked(long cohortId) {
        MixpanelCohortSync sync = requireSyncable(cohortId);
        MixpanelCohort cohort = project.cohort(cohortId).orElseThrow();
        MixpanelConnection connection = project.connection(sync.connectionId()).orElseThrow();
        List<Member> current = project.members(cohort, connection.exportProperty());
        boolean full = sync.snapshotAt() == null
                || sync.snapshotAt().plus(settings.snapshotLifetime()).isBefore(clock.instant());
        String session = UUID.randomUUID().toString();
        List<CohortCall> calls = new ArrayList<>();
        int added;
        int removed;
        if (full) {
            calls.addAll(pages("members", cohort, session, current, connection));
            added = current.size();
            removed = 0;
        } else {
            List<Member> previous = syncs.snapshot(cohortId);
            Set<String> before = previous.stream().map(Member::distinctId).collect(Collectors.toSet());
            Map<String, Member> now = current.stream().collect(Collectors.toMap(Member::distinctId, Function.identity()));
            List<Member> adds = current.stream().filter(member -> !before.contains(member.distinctId())).toList();
            List<Member> removes = previous.stream().filter(member -> !now.containsKey(member.distinctId())).toList();
            calls.addAll(pages("add_members", cohort, session, adds, connection));
            calls.addAll(pages("remove_members", cohort, session, removes, connection));
            added = adds.size();
            removed = removes.size();
        }
        for (CohortCall call : calls) {
            Refused refused = deliver(cohortId, connection, call);
            if (refused != null) {
                String result = "Failed at " + call.action() + " page " + call.parameters().pageInfo().pageCount()
                        + " of " + call.parameters().pageInfo().totalPages() + ": " + refused.outcome()
                        + (refused.pauses() ? ". Paused, as Mixpanel pauses a sync on an answer that will not heal."
                        : ". The next sync starts from the last successful one.");
                transaction.executeWithoutResult(status -> {
                    syncs.recordResult(cohortId, clock.instant(), result, nextRecurringSync());
                    syncs.setPaused(cohortId, refused.pauses());
                });
                return new Outcome(session, full, added, removed, false, result);
            }
        }
        String result = (full ? "Sent the whole cohort: " + added + " members" : "Sent " + added + " added and "
                + removed + " removed members") + " in " + calls.size() + (calls.size() == 1 ? " call" : " calls");
        transaction.executeWithoutResult(status -> {
            syncs.replaceSnapshot(cohortId, current, clock.instant());
            syncs.recordResult(cohortId, clock.instant(), result, nextRecurringSync());
        });
        return new Outcome(session, full, added, removed, true, result);
    }

    /** Pages of {@code pageSize} members; no member is still one page, with an empty list. */
    private List<CohortCall> pages(String action, MixpanelCohort cohort, String session, List<Member> members,
                                   MixpanelConnection connection) {
        int pageSize = settings.pageSize();
        int total = Math.max(1, (members.size() + pageSize - 1) / pageSize);
        List<CohortCall> pages = new ArrayList<>(total);
        for (int page = 1; page <= total; page++) {
            List<Member> slice = members.subList(Math.min(members.size(), (page - 1) * pageSize),
                    Math.min(members.size(), page * pageSize));
            pages.add(CohortCall.page(action, cohort, session, page, total, slice, connection.exportProperty()));
        }
        return pages;
    }

    /** A call not taken: with what the receiver answered, and whether that pauses the sync. */
    private record Refused(String outcome, boolean pauses) {
    }

    /** Answered 429 or 5xx, or not answered: worth another attempt. */
    private static final class Transient extends Exception {

        Transient(String outcome) {
            super(outcome, null, false, false);
        }
    }

    /** Sends one call until it is taken, refused for good, or its retries run out; null when taken. */
    private Refused deliver(long cohortId, MixpanelConnection connection, CohortCall call) {
        String body = json(call);
        try {
            return retries.execute(retry -> {
                Integer status = null;
                String outcome;
                try {
                    HttpResponse<String> answer = http.send(request(connection, body), HttpResponse.BodyHandlers.ofString());
                    status = answer.statusCode();
                    outcome = status / 100 == 2 ? "accepted" : "answered " + status + ": " + answer.body();
                } catch (IOException e) {
                    outcome = "no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BackOffInterruptedException("interrupted", e);
                }
                Integer answered = status;
                String logged = outcome;
                transaction.executeWithoutResult(tx -> syncs.insertDelivery(cohortId, call.parameters().mixpanelSessionId(),
                        call.action(), call.parameters().pageInfo().pageCount(), call.parameters().pageInfo().totalPages(),
                        call.parameters().members().size(), retry.getRetryCount() + 1, answered, logged, clock.instant()));
                events.publishEvent(new MixpanelDeliveryLogged(cohortId));
                if (answered != null && answered / 100 == 2) {
                    return null;
                }
                if (answered == null || answered == 429 || answered >= 500) {
                    throw new Transient(outcome);
                }
                return new Refused(outcome, true);
            });
        } catch (Transient e) {
            return new Refused(e.getMessage() + " (after " + (settings.retries() + 1) + " attempts)", false);
        } catch (BackOffInterruptedException e) {
            Thread.currentThread().interrupt();
            return new Refused("interrupted", false);
        }
    }

    private HttpRequest request(MixpanelConnection connection, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connection.webhookUrl()))
                .timeout(settings.deliveryTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (StringUtils.hasText(connection.userName())) {
            String credentials = connection.userName() + ":" + (connection.password() == null ? "" : connection.password());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    private String json(CohortCall call) {
        try {
            return json.writeValueAsString(call);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of strings and numbers are always JSON", e);
        }
    }

    private Instant nextRecurringSync() {
        return clock.instant().plus(settings.recurringSyncInterval());
    }
}
