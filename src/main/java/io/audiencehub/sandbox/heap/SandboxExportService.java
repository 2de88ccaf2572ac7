package io.audiencehub.sandbox.heap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.base.BackgroundTasks;
import io.audiencehub.sandbox.heap.SandboxSegment.RuleOperator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The sandbox's Heap export: segments over its users, the Audience Hub export config, and syncs that
 * send what changed since the previous sync (the first sends every member as adds), in signed pages
 * of compact JSON, retried with a doubling delay on any answer but 200 and on timeouts.
 */
@Service
@Profile("sandbox")
public class SandboxExportService {

    static final String WEBHOOK_PATH = "/api/integrations/heap/webhook";
    private static final Logger log = LoggerFactory.getLogger(SandboxExportService.class);
    private static final Duration RECURRING_CLAIM = Duration.ofMinutes(30);

    private final SandboxExportRepository exports;
    private final SandboxOAuthRepository environments;
    private final SandboxHeapProperties settings;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Environment environment;
    private final Clock clock;
    private final HttpClient http;
    private final Map<Long, ReentrantLock> running = new ConcurrentHashMap<>();
    private final BackgroundTasks background;
    private final ApplicationEventPublisher events;
    private final RetryTemplate retries;

    SandboxExportService(SandboxExportRepository exports, SandboxOAuthRepository environments,
                         SandboxHeapProperties settings, ObjectMapper json, TransactionTemplate transaction,
                         Environment environment, BackgroundTasks background, ApplicationEventPublisher events,
                         Clock clock) {
        this.events = events;
        this.retries = RetryTemplate.builder().maxAttempts(settings.deliveryAttempts())
                .exponentialBackoff(settings.retryBackoff(), 2, Duration.ofDays(1)).retryOn(NotAccepted.class).build();
        this.exports = exports;
        this.environments = environments;
        this.settings = settings;
        this.json = json;
        this.transaction = transaction;
        this.environment = environment;
        this.background = background;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.deliveryTimeout()).build();
    }

    public List<SandboxEnvironment> environments() {
        return environments.environments();
    }

    public List<SandboxSegment> segments(long environmentId) {
        return exports.segments(environmentId);
    }

    public SandboxSegment segment(long segmentId) {
        return exports.segment(segmentId)
                .orElseThrow(() -> new IllegalArgumentException("No segment " + segmentId + " in this sandbox."));
    }

    public long userCount(SandboxSegment segment) {
        return exports.userCount(segment);
    }

    /** A segment of the users whose property matches; the value is ignored for IS_SET. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public SandboxSegment defineByRule(long environmentId, String name, String property, RuleOperator operator,
                                       String value) {
        String segmentName = requireNewName(environmentId, name);
        if (!StringUtils.hasText(property) || operator == null) {
            throw new IllegalArgumentException("Choose a user property and how it must match.");
        }
        if (operator != RuleOperator.IS_SET && !StringUtils.hasText(value)) {
            throw new IllegalArgumentException("Enter the value the property must " + (operator == RuleOperator.EQUALS
                    ? "equal." : "contain."));
        }
        return segment(exports.insertSegment(existingEnvironment(environmentId), segmentName, property.strip(), operator,
                operator == RuleOperator.IS_SET ? null : value, clock.instant()));
    }

    /** A segment of the listed users, one user id or identity a line, as an uploaded file holds them. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public SandboxSegment defineByList(long environmentId, String name, String uploadedList) {
        String segmentName = requireNewName(environmentId, name);
        Set<String> listed = new LinkedHashSet<>();
        uploadedList.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(listed::add);
        if (listed.isEmpty()) {
            throw new IllegalArgumentException("The uploaded list is empty: put one user id or identity a line.");
        }
        Set<String> users = exports.existingUsers(existingEnvironment(environmentId), listed);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("None of the " + listed.size() + " listed users is a user of this"
                    + " environment.");
        }
        long id = exports.insertSegment(environmentId, segmentName, null, null, null, clock.instant());
        exports.insertListedUsers(id, users);
        return segment(id);
    }

    /** The user properties this environment has collected: Heap offers only these as the export's user id. */
    public List<String> userProperties(long environmentId) {
        return exports.propertyNames(environmentId);
    }

    public String visitorProperty() {
        return settings.visitorProperty();
    }

    public Optional<SandboxExport> export(long segmentId) {
        return exports.export(segmentId);
    }

    /** Switches the Audience Hub export on with the chosen Heap User ID, as the Confirm button does. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public SandboxExport confirmExport(long segmentId, String userIdProperty) {
        SandboxSegment segment = segment(segmentId);
        if (!exports.propertyNames(segment.environmentId()).contains(userIdProperty)) {
            throw new IllegalArgumentException("\"" + userIdProperty + "\" is not a user property this environment"
                    + " has collected yet.");
        }
        exports.saveExport(segmentId, userIdProperty, clock.instant());
        return exports.export(segmentId).orElseThrow();
    }

    /** Switches the export off; the next confirmation starts over with a full first sync. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void removeExport(long segmentId) {
        exports.deleteExport(segmentId);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setRecurring(long segmentId, boolean recurring) {
        requireExport(segmentId);
        exports.setRecurring(segmentId, recurring, recurring ? clock.instant() : null);
    }

    public List<SandboxDelivery> deliveries(long segmentId, int offset, int limit) {
        return exports.deliveries(segmentId, offset, limit);
    }

    public List<PartnerApp> partnerApps() {
        return exports.partnerApps();
    }

    /** Starts a sync in the background, as Heap's Sync now does. */
    @PreAuthorize("hasRole('ADMIN')")
    public void syncInBackground(long segmentId) {
        requireExport(segmentId);
        startSync(segmentId);
    }

    /**
     * Starts the recurring syncs that are due, each on the one hub of a cluster that claims it; a claim
     * lasts {@code RECURRING_CLAIM}, after which a sync that never ended (its hub died) is due again.
     */
    @Scheduled(fixedDelayString = "${audiencehub.sandbox.heap.recurring-check:30s}")
    void syncDueRecurringExports() {
        Instant now = clock.instant();
        for (long segmentId : exports.dueRecurringExports(now)) {
            // Heap's own schedule, with no user: it starts the sync itself, not through an admin's entry
            if (claimDue(segmentId, now)) {
                startSync(segmentId);
            }
        }
    }

    private boolean claimDue(long segmentId, Instant now) {
        try {
            return exports.claimDue(segmentId, now, now.plus(RECURRING_CLAIM));
        } catch (ConcurrencyFailureException claimedElsewhere) {
            // under Galera, another hub's claim of the same row committed first
            return false;
        }
    }

    /** Sends what changed since the last successful sync of the segment; returns what was sent. */
    @PreAuthorize("hasRole('ADMIN')")
    public SandboxSyncResult sync(long segmentId) {
        return syncNow(segmentId);
    }

    private void startSync(long segmentId) {
        background.execute(() -> {
            try {
                syncNow(segmentId);
            } catch (RuntimeException e) {
                log.error("Sandbox sync of segment {} failed", segmentId, e);
            }
        });
    }

    private SandboxSyncResult syncNow(long segmentId) {
        ReentrantLock lock = running.computeIfAbsent(segmentId, id -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new IllegalStateException("A sync of this segment is already running.");
        }
        try {
            return syncLocked(segmentId);
        } finally {
            lock.unlock();
            announce(segmentId);
        }
    }

    private void announce(long segmentId) {
        events.publishEvent(new SandboxDeliveryLogged(segmentId));
    }

    private SandboxSyncResult syncLocked(long segmentId) {
        SandboxSegment segment = segment(segmentId);
        SandboxExport export = requireExport(segmentId);
        SandboxEnvironment owner = environments.environment(segment.environmentId()).orElseThrow();
        Set<String> current = exports.memberIds(segment, export.userIdProperty());
        Set<String> previous = exports.lastSentMembers(segmentId);
        List<String> adds = current.stream().filter(id -> !previous.contains(id)).sorted().toList();
        List<String> removes = previous.stream().filter(id -> !current.contains(id)).sorted().toList();
        String task = UUID.randomUUID().toString();
        int pageSize = settings.pageSize();
        int pages = Math.max(1, (adds.size() + removes.size() + pageSize - 1) / pageSize);
        for (int page = 1; page <= pages; page++) {
            int from = (page - 1) * pageSize;
            int to = Math.min(adds.size() + removes.size(), page * pageSize);
            List<String> pageAdds = adds.subList(Math.min(from, adds.size()), Math.min(to, adds.size()));
            List<String> pageRemoves = removes.subList(Math.max(0, from - adds.size()), Math.max(0, to - adds.size()));
            String body = body(owner, segment, task, page, pages, pageAdds, pageRemoves);
            String failure = deliver(segmentId, task, page, pages, pageAdds.size(), pageRemoves.size(), body);
            if (failure != null) {
                String result = "Failed at page " + page + " of " + pages + ": " + failure;
                transaction.executeWithoutResult(status -> exports.recordSync(segmentId, clock.instant(), result,
                        nextRecurringSync()));
                return new SandboxSyncResult(task, pages, adds.size(), removes.size(), false, result);
            }
        }
        String result = "Delivered " + adds.size() + " adds and " + removes.size() + " removes in " + pages
                + (pages == 1 ? " page" : " pages");
        transaction.executeWithoutResult(status -> {
            exports.replaceSentMembers(segmentId, adds, removes);
            exports.recordSync(segmentId, clock.instant(), result, nextRecurringSync());
        });
        return new SandboxSyncResult(task, pages, adds.size(), removes.size(), true, result);
    }

    /** A page the hub did not take: answered otherwise than 200, or not answered. */
    private static final class NotAccepted extends Exception {

        NotAccepted(String outcome) {
            super(outcome, null, false, false);
        }
    }

    /**
     * Sends one page until it is accepted or the attempts run out, each logged; null when accepted, else
     * the last problem.
     */
    private String deliver(long segmentId, String task, int page, int pages, int adds, int removes, String body) {
        try {
            return retries.execute(retry -> {
                Integer status = null;
                String outcome;
                try {
                    HttpResponse<String> answer = http.send(signed(body), HttpResponse.BodyHandlers.ofString());
                    status = answer.statusCode();
                    outcome = status == 200 ? "accepted" : "answered " + status + ": " + answer.body();
                } catch (IOException e) {
                    outcome = "no answer: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BackOffInterruptedException("interrupted", e);
                }
                Integer answered = status;
                String logged = outcome;
                transaction.executeWithoutResult(tx -> exports.insertDelivery(segmentId, task, page, pages, adds,
                        removes, retry.getRetryCount() + 1, answered, logged, clock.instant()));
                announce(segmentId);
                if (answered == null || answered != 200) {
                    throw new NotAccepted(outcome);
                }
                return null;
            });
        } catch (NotAccepted e) {
            return e.getMessage() + " (after " + settings.deliveryAttempts() + " attempts)";
        } catch (BackOffInterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private HttpRequest signed(String body) {
        String timestamp = Long.toString(clock.millis());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Mac mac = HmacUtils.getInitializedMac(HmacAlgorithms.HMAC_SHA_256,
                settings.webhookSecret().getBytes(StandardCharsets.UTF_8));
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        byte[] signature = mac.doFinal(bytes);
        return HttpRequest.newBuilder(URI.create(webhookUrl()))
                .timeout(settings.deliveryTimeout())
                .header("Content-Type", "application/json")
                .header("Heap-Hash", "ts:" + timestamp + ",hmac:" + Base64.getEncoder().encodeToString(signature))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }

    /** Compact JSON, as JSON.stringify writes it: some receivers verify the HMAC over a re-serialized body. */
    private String body(SandboxEnvironment owner, SandboxSegment segment, String task, int page, int pages,
                        Collection<String> adds, Collection<String> removes) {
        try {
            return json.writeValueAsString(SegmentSyncPayload.page(owner.idToken(), segment, task, page, pages, adds,
                    removes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of strings and numbers are always JSON", e);
        }
    }

    private String webhookUrl() {
        if (StringUtils.hasText(settings.webhookUrl())) {
            return settings.webhookUrl();
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + WEBHOOK_PATH;
    }

    private Instant nextRecurringSync() {
        return clock.instant().plus(settings.recurringSyncInterval());
    }

    private SandboxExport requireExport(long segmentId) {
        return exports.export(segmentId).orElseThrow(() -> new IllegalStateException(
                "Switch the Audience Hub export on and confirm its Heap User ID first."));
    }

    private long existingEnvironment(long environmentId) {
        return environments.environment(environmentId).map(SandboxEnvironment::id)
                .orElseThrow(() -> new IllegalArgumentException("No environment " + environmentId + " in this sandbox."));
    }

    private String requireNewName(long environmentId, String name) {
        if (!StringUtils.hasText(name) || name.strip().length() > 120) {
            throw new IllegalArgumentException("A segment needs a name of 1 to 120 characters.");
        }
        if (exports.segments(environmentId).stream().anyMatch(segment -> segment.name().equalsIgnoreCase(name.strip()))) {
            throw new IllegalArgumentException("This environment already has a segment named \"" + name.strip() + "\".");
        }
        return name.strip();
    }
}
