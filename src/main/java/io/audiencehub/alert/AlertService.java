package io.audiencehub.alert;

import io.audiencehub.alert.AlertRepository.Pending;
import io.audiencehub.security.Role;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Service;

/**
 * Incidents: every {@code check-every}, one hub of a cluster at a time evaluates the conditions, opens an
 * incident for each new one and resolves those gone, then sends what is pending to the webhook: each
 * opening once and each resolution once, a refused notification again after a delay that doubles up to
 * {@code max-retry-delay}. Every hub reads the open incidents at the same pace for its bells and its
 * metrics ({@code audiencehub_alerts_open}).
 */
@Service
public class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);
    private static final int NOTIFICATIONS_PER_BATCH = 100;

    private final AlertRepository incidents;
    private final AlertEvaluator evaluator;
    private final AlertWebhook webhook;
    private final AlertProperties settings;
    private final SecurityContextHolderStrategy securityContext;
    private final Clock clock;
    private final MultiGauge openGauge;
    private final Counter webhookFailures;
    private final ApplicationEventPublisher events;
    private volatile List<Incident> open = List.of();

    AlertService(AlertRepository incidents, AlertEvaluator evaluator, AlertWebhook webhook, AlertProperties settings,
                 SecurityContextHolderStrategy securityContext, ApplicationEventPublisher events, MeterRegistry metrics,
                 Clock clock) {
        this.events = events;
        this.incidents = incidents;
        this.evaluator = evaluator;
        this.webhook = webhook;
        this.settings = settings;
        this.securityContext = securityContext;
        this.clock = clock;
        this.openGauge = MultiGauge.builder("audiencehub.alerts.open")
                .description("1 for each open incident, by kind and subject").register(metrics);
        this.webhookFailures = Counter.builder("audiencehub.alerts.webhook.failures")
                .description("Notifications the alert webhook did not take").register(metrics);
    }

    /** The open incidents, oldest first, as this hub last read them. */
    @PreAuthorize("isAuthenticated()")
    public List<Incident> open() {
        return open;
    }

    /** Open incidents first, then resolved ones, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<Incident> recent(int offset, int limit) {
        return incidents.recent(offset, limit);
    }

    /** The round, on one hub of a cluster at a time; every hub then reads what it left. */
    @Scheduled(initialDelayString = "${audiencehub.alerts.check-every}", fixedDelayString = "${audiencehub.alerts.check-every}")
    @SchedulerLock(name = "alert-evaluation", lockAtMostFor = "PT5M")
    public void scheduledRound() {
        evaluateAndNotify();
    }

    /** Reads the open incidents on every hub, for its bells and metrics: at start, then every round. */
    @Scheduled(fixedDelayString = "${audiencehub.alerts.check-every}")
    public void scheduledRefresh() {
        refresh();
    }

    void evaluateAndNotify() {
        SecurityContext previous = securityContext.getContext();
        securityContext.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "alerts", null, List.of(Role.VIEWER.authority()))));
        try {
            evaluate();
            notifyPending();
        } finally {
            securityContext.setContext(previous);
        }
        refresh();
    }

    /** Opens an incident for each condition that holds without one, and resolves those that no longer hold. */
    void evaluate() {
        Instant now = clock.instant();
        Map<String, Condition> holding = new HashMap<>();
        for (Condition condition : evaluator.current()) {
            holding.put(condition.kind() + ":" + condition.subjectId(), condition);
        }
        for (Incident incident : incidents.open()) {
            if (holding.remove(incident.kind() + ":" + incident.subjectId()) == null) {
                incidents.resolve(incident.id(), now);
                log.info("Resolved: {}", incident.summary());
            }
        }
        for (Condition condition : holding.values()) {
            if (incidents.open(condition, now)) {
                log.warn("Incident: {} {}: {}", condition.subject(), condition.kind().what(), condition.detail());
            }
        }
    }

    /**
     * Sends every pending opening and resolution that is due, a batch at a time; nothing is sent without a
     * webhook. The round stops at the first refusal: the webhook is likely down, and the rest wait for the
     * next round rather than each waiting out a timeout now.
     */
    void notifyPending() {
        if (!webhook.configured()) {
            return;
        }
        Instant now = clock.instant();
        List<Pending> batch;
        while (!(batch = incidents.pending(now, NOTIFICATIONS_PER_BATCH)).isEmpty()) {
            for (Pending pending : batch) {
                try {
                    webhook.send(text(pending));
                    incidents.notified(pending, clock.instant());
                } catch (IOException | RuntimeException e) {
                    int attempts = pending.notifyAttempts() + 1;
                    Duration delay = retryDelay(attempts);
                    webhookFailures.increment();
                    incidents.notifyFailed(pending.id(), attempts, now.plus(delay), String.valueOf(e.getMessage()));
                    log.warn("The alert webhook did not take incident {} (attempt {}): {}; retrying in {} s",
                            pending.id(), attempts, e.getMessage(), delay.toSeconds());
                    return;
                }
            }
        }
    }

    /** {@code first-retry} doubled with each failure after the first, at most {@code max-retry-delay}. */
    Duration retryDelay(int attempts) {
        Duration delay = settings.firstRetry();
        for (int i = 1; i < attempts && delay.compareTo(settings.maxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }

    void refresh() {
        List<Incident> now = incidents.open();
        openGauge.register(now.stream().map(incident -> MultiGauge.Row.of(Tags.of("kind", incident.kind().metric(),
                "subject", incident.subject()), 1)).toList(), true);
        if (!now.equals(open)) {
            open = now;
            events.publishEvent(new OpenIncidentsChanged(now));
        }
    }

    private static String text(Pending pending) {
        Incident incident = pending.incident();
        return pending.resolution()
                ? ":white_check_mark: Audience Hub: resolved, " + incident.subject() + " " + incident.kind().what()
                + " no longer (open from " + incident.openedAt() + " to " + incident.resolvedAt() + ")."
                : ":rotating_light: Audience Hub: " + incident.summary() + ". Open since " + incident.openedAt() + ".";
    }
}
