package io.audiencehub.connector;

import io.audiencehub.base.PublicUrl;
import io.audiencehub.catalog.Provider;
import io.audiencehub.catalog.ProviderCatalog;
import io.audiencehub.security.CurrentActor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Connectors and their OAuth 2.0 authorization with the provider. A connector is created
 * PENDING_AUTHORIZATION when the user is sent to the provider, and becomes VALIDATED only once the
 * code was exchanged for a token and the token read the environment's metadata; any failure leaves
 * it FAILED with the reason, and nothing else changed.
 */
@Service
public class ConnectorService {

    public static final int MAX_NAME_LENGTH = 80;
    private static final Logger log = LoggerFactory.getLogger(ConnectorService.class);
    public static final String HEAP = "heap";
    /** A source any tool pushes to, signed with its own secret (docs/custom-source.md). */
    public static final String CUSTOM = "custom";
    private static final String CUSTOM_ENVIRONMENT = "Custom source";
    /** The one connector that holds the audiences admins upload as CSV files (docs/csv-audiences.md). */
    public static final String CSV = "csv";
    private static final String CSV_TOKEN = "csv-uploads";
    private static final String CSV_NAME = "Uploaded files";
    private static final int SECRET_BYTES = 32;

    private final ConnectorRepository connectors;
    private final PendingAuthorizationRepository authorizations;
    private final ConnectorAuditRepository audit;
    private final HeapPartnerClient heapClient;
    private final HeapProperties heap;
    private final TokenCipher cipher;
    private final ProviderCatalog catalog;
    private final PublicUrl publicUrl;
    private final CurrentActor actor;
    private final List<ConnectorUsage> usages;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConnectorService(ConnectorRepository connectors, PendingAuthorizationRepository authorizations,
                     ConnectorAuditRepository audit, HeapPartnerClient heapClient, HeapProperties heap,
                     TokenCipher cipher, ProviderCatalog catalog, PublicUrl publicUrl, CurrentActor actor,
                     List<ConnectorUsage> usages, TransactionTemplate transaction, ApplicationEventPublisher events,
                     Clock clock) {
        this.events = events;
        this.connectors = connectors;
        this.authorizations = authorizations;
        this.audit = audit;
        this.heapClient = heapClient;
        this.heap = heap;
        this.cipher = cipher;
        this.catalog = catalog;
        this.publicUrl = publicUrl;
        this.actor = actor;
        this.usages = usages;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The provider's validated connectors, or all the others (pending, failed, disconnected). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Connector> page(String providerId, boolean validated, int offset, int limit) {
        return connectors.page(providerId, validated, offset, limit);
    }

    /** Every connector of every provider, by name. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Connector> all(int offset, int limit) {
        return connectors.all(offset, limit);
    }

    /** The validated connectors of every provider, by name: at most one per provider environment. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Connector> validated() {
        return connectors.validated();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int count() {
        return connectors.count();
    }

    /**
     * The connector a provider's webhook delivery belongs to, by the provider's id for the environment:
     * the validated one, else the latest that held the id (disconnected or failed), so a refused
     * delivery can be shown on it. Webhooks carry no user, so this needs no sign-in.
     */
    @Transactional(readOnly = true)
    public Optional<Connector> forTokenId(String providerId, String tokenId) {
        return connectors.findValidated(providerId, tokenId).or(() -> connectors.findLatestByTokenId(providerId, tokenId));
    }

    /**
     * Switches Heap under Push on or off for a validated Heap connector: the site tag then tells Heap
     * which campaign each visitor sees.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setPush(long connectorId, boolean enabled) {
        Connector connector = connectors.find(connectorId).orElseThrow(() -> new ConnectorException(
                "Connector " + connectorId + " no longer exists. Reload the page."));
        if (enabled && (connector.state() != ConnectorState.VALIDATED || !HEAP.equals(connector.providerId()))) {
            throw new ConnectorException("Connector \"" + connector.name() + "\" is " + connector.state().label()
                    + ": only a validated Heap connector can push campaigns to Heap.");
        }
        Instant now = clock.instant();
        connectors.setPush(connectorId, enabled, actor.name(), now);
        audit.append(connectorId, enabled ? "PUSH_ON" : "PUSH_OFF", actor.name(), now,
                enabled ? "Campaigns seen are sent to Heap" : "Campaigns seen are no longer sent to Heap");
        events.publishEvent(new ConnectorPushChanged(connectorId, enabled));
    }

    /** The validated Heap connectors with push on; the decision API reads it with no sign-in. */
    @Transactional(readOnly = true)
    public List<Long> heapPushConnectors() {
        return connectors.pushing(HEAP);
    }

    /** Connectors by id, for features that show several at once; absent ids are left out. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, Connector> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : connectors.byIds(ids).stream()
                .collect(Collectors.toMap(Connector::id, Function.identity()));
    }

    /** The provider whose connectors a page lists, as the catalogue describes it. */
    @PreAuthorize("isAuthenticated()")
    public Optional<ProviderSummary> provider(String providerId) {
        return catalog.find(providerId).map(provider -> new ProviderSummary(provider.id(), provider.name(),
                provider.description(), provider.logo(), provider.available()));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Connector> find(long id) {
        return connectors.find(id);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ConnectorAuditEntry> audit(long connectorId, int offset, int limit) {
        return audit.page(connectorId, offset, limit);
    }

    /**
     * Creates the connector and returns the provider's authorization page to send the browser to.
     *
     * @throws ConnectorException when the name or the provider is not acceptable; nothing is created then
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String startAuthorization(String providerId, String name) {
        requireHeapReady(providerId);
        String cleanName = checkName(name, null);
        Instant now = clock.instant();
        long id = connectors.insertPending(providerId, cleanName, actor.name(), now);
        audit.append(id, "CREATED", actor.name(), now, "Connector \"" + cleanName + "\" created");
        return sendToProvider(id, now);
    }

    /**
     * Creates a custom source, validated at once: its source id (its TokenID, the {@code id_token} of its
     * pages) and its signing secret, which is returned this once and stored encrypted.
     *
     * @throws ConnectorException when the name is not acceptable; nothing is created then
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public NewCustomSource createCustomSource(String name) {
        String cleanName = checkName(name, null);
        String secret = newSecret();
        Instant now = clock.instant();
        long id = connectors.insertValidated(CUSTOM, cleanName, UUID.randomUUID().toString(), CUSTOM_ENVIRONMENT,
                cipher.encrypt(secret), actor.name(), now);
        audit.append(id, "CREATED", actor.name(), now, "Custom source \"" + cleanName + "\" created with a signing secret");
        log.info("Custom source {} created by {}", id, actor.name());
        return new NewCustomSource(existing(id), secret);
    }

    /** Replaces a custom source's signing secret: deliveries signed with the old one are refused from now on. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public NewCustomSource newSigningSecret(long connectorId) {
        Connector connector = existing(connectorId);
        if (!CUSTOM.equals(connector.providerId()) || connector.state() != ConnectorState.VALIDATED) {
            throw new ConnectorException("Only a validated custom source has a signing secret to replace.");
        }
        String secret = newSecret();
        Instant now = clock.instant();
        connectors.replaceToken(connectorId, cipher.encrypt(secret), now);
        audit.append(connectorId, "SECRET_REPLACED", actor.name(), now, "New signing secret; the previous one no longer signs");
        return new NewCustomSource(existing(connectorId), secret);
    }

    /**
     * The signing secret of the validated custom source with this source id. Deliveries carry no user,
     * so this needs no sign-in.
     */
    @Transactional(readOnly = true)
    public Optional<String> customSourceSecret(String sourceId) {
        return connectors.validatedToken(CUSTOM, sourceId).map(cipher::decrypt);
    }

    /**
     * The connector of uploaded CSV audiences, created validated with the first upload: their EXTERNAL
     * DATA item and their Directory entry, like any source's.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Connector csvConnector() {
        Optional<Connector> existing = connectors.findValidated(CSV, CSV_TOKEN);
        if (existing.isPresent()) {
            return existing.get();
        }
        // a disconnected one keeps its name, and history: the new one is numbered after it
        String name = CSV_NAME;
        for (int number = 2; connectors.findByName(name).isPresent(); number++) {
            name = CSV_NAME + " " + number;
        }
        Instant now = clock.instant();
        long id;
        try {
            id = connectors.insertValidated(CSV, name, CSV_TOKEN, "CSV uploads", null, actor.name(), now);
        } catch (DuplicateKeyException race) {
            return connectors.findValidated(CSV, CSV_TOKEN).orElseThrow(() -> race);
        }
        audit.append(id, "CREATED", actor.name(), now, "Created for the first CSV upload");
        return existing(id);
    }

    /** Records an upload in the CSV connector's history: who replaced which audience, from what. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void recordCsvUpload(long connectorId, String audienceName, String fileName, long ids) {
        audit.append(connectorId, "CSV_UPLOADED", actor.name(), clock.instant(), shorten("Audience \"" + audienceName
                + "\" replaced by " + ids + " ids from " + fileName));
    }

    /** Where a custom source delivers its pages, relative to the hub's public address. */
    public static String customWebhookPath(String sourceId) {
        return "/api/integrations/custom/" + sourceId + "/webhook";
    }

    /** Where a custom source delivers its pages: the public address, or the current request's. */
    public String customWebhookUrl(String sourceId) {
        return publicUrl.resolve(customWebhookPath(sourceId));
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return "hss_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Starts a new authorization for an existing connector (after a failure, a refusal or a disconnection). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String authorizeAgain(long connectorId) {
        Connector connector = existing(connectorId);
        requireHeapReady(connector.providerId());
        if (connector.state() == ConnectorState.VALIDATED) {
            throw new ConnectorException("Connector \"" + connector.name() + "\" is already validated.");
        }
        Instant now = clock.instant();
        connectors.markPending(connectorId, now);
        audit.append(connectorId, "AUTHORIZATION_STARTED", actor.name(), now, "Sent to Heap to authorize again");
        return sendToProvider(connectorId, now);
    }

    /** Handles the provider's answer ({@code code} or {@code error}) to the authorization with {@code state}. */
    @PreAuthorize("hasRole('ADMIN')")
    public AuthorizationOutcome completeAuthorization(String state, String code, String error, String errorDescription) {
        if (!StringUtils.hasText(state)) {
            return AuthorizationOutcome.problem(null, AuthorizationProblem.STATE_MISSING);
        }
        Consumed consumed = transaction.execute(status -> consume(state));
        if (consumed.outcome() != null) {
            return consumed.outcome();
        }
        PendingAuthorization pending = consumed.pending();
        long id = pending.connectorId();
        if (StringUtils.hasText(error)) {
            return fail(id, "access_denied".equals(error)
                    ? "You clicked Deny in Heap, so Heap gave no access. Use Authorize again to retry."
                    : "Heap refused the authorization: " + error
                            + (StringUtils.hasText(errorDescription) ? " (" + errorDescription + ")" : "") + ".");
        }
        if (pending.createdAt().plus(heap.authorizationTimeout()).isBefore(clock.instant())) {
            return fail(id, "The authorization in Heap took longer than " + heap.authorizationTimeout().toMinutes()
                    + " minutes and has expired. Use Authorize again.");
        }
        if (!StringUtils.hasText(code)) {
            return fail(id, "Heap's answer has neither an authorization code nor an error. Use Authorize again.");
        }
        try {
            HeapPartnerClient.Grant grant = heapClient.exchange(pending, code);
            String environment = heapClient.environmentName(pending.apiBaseUrl(), grant);
            return transaction.execute(status -> validate(pending, grant, environment));
        } catch (ConnectorException e) {
            return fail(id, e.getMessage());
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void rename(long connectorId, String newName) {
        Connector connector = existing(connectorId);
        String cleanName = checkName(newName, connectorId);
        Instant now = clock.instant();
        connectors.rename(connectorId, cleanName, now);
        audit.append(connectorId, "RENAMED", actor.name(), now,
                "Renamed from \"" + connector.name() + "\" to \"" + cleanName + "\"");
    }

    /** Stops the connection and forgets its token; the connector and its history stay. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void disconnect(long connectorId) {
        Connector connector = existing(connectorId);
        if (connector.state() == ConnectorState.DISCONNECTED) {
            throw new ConnectorException("Connector \"" + connector.name() + "\" is already disconnected.");
        }
        Instant now = clock.instant();
        connectors.markDisconnected(connectorId, now);
        audit.append(connectorId, "DISCONNECTED", actor.name(), now, "Token discarded; history kept");
    }

    /** @throws ConnectorException naming what depends on the connector, when something does */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void delete(long connectorId) {
        Connector connector = existing(connectorId);
        List<String> dependents = usages.stream().flatMap(usage -> usage.usagesOf(connectorId).stream()).toList();
        if (!dependents.isEmpty()) {
            throw new ConnectorException("Connector \"" + connector.name() + "\" cannot be deleted: "
                    + String.join(", ", dependents) + " depend on it. Disconnect it instead, which keeps them.");
        }
        connectors.delete(connectorId);
        audit.append(connectorId, "DELETED", actor.name(), clock.instant(), "Connector \"" + connector.name() + "\" deleted");
    }

    private record Consumed(PendingAuthorization pending, AuthorizationOutcome outcome) {
    }

    private Consumed consume(String state) {
        Optional<PendingAuthorization> found = authorizations.lock(state);
        if (found.isEmpty()) {
            return new Consumed(null, AuthorizationOutcome.problem(null, AuthorizationProblem.STATE_UNKNOWN));
        }
        PendingAuthorization pending = found.get();
        if (pending.completedAt() != null) {
            return new Consumed(null, AuthorizationOutcome.problem(pending.connectorId(),
                    AuthorizationProblem.STATE_REPLAYED));
        }
        if (!pending.startedBy().equals(actor.name())) {
            return new Consumed(null, AuthorizationOutcome.problem(pending.connectorId(), AuthorizationProblem.OTHER_USER));
        }
        authorizations.complete(state, clock.instant());
        return new Consumed(pending, null);
    }

    private AuthorizationOutcome validate(PendingAuthorization pending, HeapPartnerClient.Grant grant,
                                          String environment) {
        long id = pending.connectorId();
        Connector connector = existing(id);
        Optional<Connector> holder = connectors.findValidated(connector.providerId(), grant.tokenId())
                .filter(other -> other.id() != id);
        if (holder.isPresent()) {
            return failInTransaction(id, alreadyConnected(environment, grant.tokenId(), holder.get().name()));
        }
        Instant now = clock.instant();
        try {
            connectors.markValidated(id, grant.tokenId(), environment, pending.apiBaseUrl(),
                    cipher.encrypt(grant.accessToken()), now);
        } catch (DuplicateKeyException race) {
            String name = connectors.findValidated(connector.providerId(), grant.tokenId()).map(Connector::name).orElse("?");
            return failInTransaction(id, alreadyConnected(environment, grant.tokenId(), name));
        }
        audit.append(id, "VALIDATED", actor.name(), now, "Connected to Heap environment \"" + environment
                + "\", TokenID " + grant.tokenId());
        log.info("Connector {} validated for Heap environment {}", id, grant.tokenId());
        return AuthorizationOutcome.of(id);
    }

    private static String alreadyConnected(String environment, String tokenId, String holder) {
        return "The Heap environment \"" + environment + "\" (TokenID " + tokenId + ") is already connected as"
                + " connector \"" + holder + "\". Disconnect \"" + holder + "\" first, or authorize another environment.";
    }

    private AuthorizationOutcome fail(long connectorId, String reason) {
        return transaction.execute(status -> failInTransaction(connectorId, reason));
    }

    private AuthorizationOutcome failInTransaction(long connectorId, String reason) {
        String shortened = shorten(reason);
        Instant now = clock.instant();
        if (connectors.find(connectorId).isPresent()) {
            connectors.markFailed(connectorId, shortened, now);
            audit.append(connectorId, "FAILED", actor.name(), now, shortened);
        }
        return AuthorizationOutcome.of(connectorId);
    }

    private String sendToProvider(long connectorId, Instant now) {
        PendingAuthorization pending = new PendingAuthorization(heapClient.newState(), connectorId,
                heapClient.newCodeVerifier(), publicUrl.resolve(HeapProperties.CALLBACK_PATH),
                publicUrl.resolve(heap.baseUrl()), actor.name(), now, null);
        authorizations.insert(pending);
        return heapClient.authorizationUri(pending);
    }

    private void requireHeapReady(String providerId) {
        Provider provider = catalog.find(providerId).filter(Provider::available)
                .orElseThrow(() -> new ConnectorException("The provider \"" + providerId
                        + "\" is not available yet: no connector can be set up for it."));
        if (CUSTOM.equals(provider.id())) {
            throw new ConnectorException("A custom source needs no authorization: create it, and send its pages"
                    + " signed with its secret (docs/custom-source.md).");
        }
        if (CSV.equals(provider.id())) {
            throw new ConnectorException("CSV audiences need no authorization: upload a file under Integration Hub >"
                    + " CSV audiences.");
        }
        if (!HEAP.equals(provider.id())) {
            throw new ConnectorException(provider.name() + " is not available yet.");
        }
        if (!heap.configured()) {
            throw new ConnectorException("Heap is not configured on this hub: set AUDIENCEHUB_HEAP_CLIENTID and"
                    + " AUDIENCEHUB_HEAP_CLIENTSECRET to the partner app's credentials (docs/configuration.md).");
        }
    }

    private static String shorten(String detail) {
        return detail.length() > 500 ? detail.substring(0, 497) + "..." : detail;
    }

    private String checkName(String name, Long renamedId) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new ConnectorException("Give the connector a name.");
        }
        if (clean.length() > MAX_NAME_LENGTH) {
            throw new ConnectorException("The name has " + clean.length() + " characters; use at most "
                    + MAX_NAME_LENGTH + ".");
        }
        connectors.findByName(clean).filter(other -> !Long.valueOf(other.id()).equals(renamedId))
                .ifPresent(other -> {
                    throw new ConnectorException("A connector named \"" + clean + "\" already exists. Choose another name.");
                });
        return clean;
    }

    private Connector existing(long connectorId) {
        return connectors.find(connectorId).orElseThrow(
                () -> new ConnectorException("Connector " + connectorId + " no longer exists. Reload the page."));
    }
}
