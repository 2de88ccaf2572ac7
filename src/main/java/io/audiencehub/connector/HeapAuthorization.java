package io.audiencehub.connector;

import io.audiencehub.base.PublicUrl;
import io.audiencehub.catalog.Provider;
import io.audiencehub.catalog.ProviderCatalog;
import io.audiencehub.security.CurrentActor;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * A Heap connector's OAuth 2.0 authorization. A connector is created PENDING_AUTHORIZATION when the
 * user is sent to Heap, and becomes VALIDATED only once the code was exchanged for a token and the
 * token read the environment's metadata; any failure leaves it FAILED with the reason, and nothing
 * else changed.
 */
@Service
public class HeapAuthorization {

    private static final Logger log = LoggerFactory.getLogger(HeapAuthorization.class);

    private final ConnectorRepository connectors;
    private final PendingAuthorizationRepository authorizations;
    private final ConnectorAuditRepository audit;
    private final ConnectorNames names;
    private final HeapPartnerClient heapClient;
    private final HeapProperties heap;
    private final TokenCipher cipher;
    private final ProviderCatalog catalog;
    private final PublicUrl publicUrl;
    private final CurrentActor actor;
    private final TransactionTemplate transaction;
    private final Clock clock;

    HeapAuthorization(ConnectorRepository connectors, PendingAuthorizationRepository authorizations,
                      ConnectorAuditRepository audit, ConnectorNames names, HeapPartnerClient heapClient,
                      HeapProperties heap, TokenCipher cipher, ProviderCatalog catalog, PublicUrl publicUrl,
                      CurrentActor actor, TransactionTemplate transaction, Clock clock) {
        this.connectors = connectors;
        this.authorizations = authorizations;
        this.audit = audit;
        this.names = names;
        this.heapClient = heapClient;
        this.heap = heap;
        this.cipher = cipher;
        this.catalog = catalog;
        this.publicUrl = publicUrl;
        this.actor = actor;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Creates the connector and returns the provider's authorization page to send the browser to.
     *
     * @throws ConnectorException when the name or the provider is not acceptable; nothing is created then
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String start(String providerId, String name) {
        requireHeapReady(providerId);
        String cleanName = names.check(name, null);
        Instant now = clock.instant();
        long id = connectors.insertPending(providerId, cleanName, actor.name(), now);
        audit.append(id, ConnectorAuditAction.CREATED, actor.name(), now, "Connector \"" + cleanName + "\" created");
        return sendToProvider(id, now);
    }

    /** Starts a new authorization for an existing connector (after a failure, a refusal or a disconnection). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String again(long connectorId) {
        Connector connector = connectors.existing(connectorId);
        requireHeapReady(connector.providerId());
        if (connector.validated()) {
            throw new ConnectorException("Connector \"" + connector.name() + "\" is already validated.");
        }
        Instant now = clock.instant();
        connectors.markPending(connectorId, now);
        audit.append(connectorId, ConnectorAuditAction.AUTHORIZATION_STARTED, actor.name(), now,
                "Sent to Heap to authorize again");
        return sendToProvider(connectorId, now);
    }

    /** Handles the provider's answer ({@code code} or {@code error}) to the authorization with {@code state}. */
    @PreAuthorize("hasRole('ADMIN')")
    public AuthorizationOutcome complete(String state, String code, String error, String errorDescription) {
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
        Connector connector = connectors.existing(id);
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
        audit.append(id, ConnectorAuditAction.VALIDATED, actor.name(), now, "Connected to Heap environment \""
                + environment + "\", TokenID " + grant.tokenId());
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
        String shortened = ConnectorAuditRepository.shorten(reason);
        Instant now = clock.instant();
        if (connectors.find(connectorId).isPresent()) {
            connectors.markFailed(connectorId, shortened, now);
            audit.append(connectorId, ConnectorAuditAction.FAILED, actor.name(), now, shortened);
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
        ConnectorKind kind = ConnectorKind.of(provider.id())
                .orElseThrow(() -> new ConnectorException(provider.name() + " is not available yet."));
        switch (kind.setup()) {
            case NAMED -> throw new ConnectorException("A custom source needs no authorization: create it, and send"
                    + " its pages signed with its secret (docs/custom-source.md).");
            case FIRST_UPLOAD -> throw new ConnectorException("CSV audiences need no authorization: upload a file under"
                    + " Integration Hub > CSV audiences.");
            case WEBHOOK_CREDENTIALS -> throw new ConnectorException(provider.name() + " needs no authorization: create"
                    + " the connector, and paste its webhook URL and credentials into " + provider.name() + ".");
            case OAUTH -> {
                if (!heap.configured()) {
                    throw new ConnectorException("Heap is not configured on this hub: set AUDIENCEHUB_HEAP_CLIENTID and"
                            + " AUDIENCEHUB_HEAP_CLIENTSECRET to the partner app's credentials (docs/configuration.md).");
                }
            }
        }
    }
}
