package io.audiencehub.connector;

import io.audiencehub.base.PublicUrl;
import io.audiencehub.security.CurrentActor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom sources (docs/custom-source.md): validated as they are created, each with its source id (its
 * TokenID, the {@code id_token} of its pages) and a signing secret shown once and stored encrypted.
 */
@Service
public class CustomSources {

    private static final Logger log = LoggerFactory.getLogger(CustomSources.class);
    private static final String ENVIRONMENT = "Custom source";
    private static final int SECRET_BYTES = 32;

    private final ConnectorRepository connectors;
    private final ConnectorAuditRepository audit;
    private final ConnectorNames names;
    private final TokenCipher cipher;
    private final PublicUrl publicUrl;
    private final CurrentActor actor;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CustomSources(ConnectorRepository connectors, ConnectorAuditRepository audit, ConnectorNames names,
                  TokenCipher cipher, PublicUrl publicUrl, CurrentActor actor, Clock clock) {
        this.connectors = connectors;
        this.audit = audit;
        this.names = names;
        this.cipher = cipher;
        this.publicUrl = publicUrl;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Creates a custom source, validated at once, and returns its signing secret this once.
     *
     * @throws ConnectorException when the name is not acceptable; nothing is created then
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public NewCustomSource create(String name) {
        String cleanName = names.check(name, null);
        String secret = newSecret();
        Instant now = clock.instant();
        long id = connectors.insertValidated(ConnectorKind.CUSTOM.providerId(), cleanName, UUID.randomUUID().toString(),
                ENVIRONMENT, cipher.encrypt(secret), actor.name(), now);
        audit.append(id, ConnectorAuditAction.CREATED, actor.name(), now,
                "Custom source \"" + cleanName + "\" created with a signing secret");
        log.info("Custom source {} created by {}", id, actor.name());
        return new NewCustomSource(connectors.existing(id), secret);
    }

    /** Replaces a custom source's signing secret: deliveries signed with the old one are refused from now on. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public NewCustomSource newSigningSecret(long connectorId) {
        Connector connector = connectors.existing(connectorId);
        if (!connector.kind().hasSigningSecret() || !connector.validated()) {
            throw new ConnectorException("Only a validated custom source has a signing secret to replace.");
        }
        String secret = newSecret();
        Instant now = clock.instant();
        connectors.replaceToken(connectorId, cipher.encrypt(secret), now);
        audit.append(connectorId, ConnectorAuditAction.SECRET_REPLACED, actor.name(), now,
                "New signing secret; the previous one no longer signs");
        return new NewCustomSource(connectors.existing(connectorId), secret);
    }

    /**
     * The signing secret of the validated custom source with this source id. Deliveries carry no user,
     * so this needs no sign-in.
     */
    @Transactional(readOnly = true)
    public Optional<String> signingSecret(String sourceId) {
        return connectors.validatedToken(ConnectorKind.CUSTOM.providerId(), sourceId).map(cipher::decrypt);
    }

    /** Where a custom source delivers its pages, relative to the hub's public address. */
    public static String webhookPath(String sourceId) {
        return "/api/integrations/custom/" + sourceId + "/webhook";
    }

    /** Where a custom source delivers its pages: the public address, or the current request's. */
    public String webhookUrl(String sourceId) {
        return publicUrl.resolve(webhookPath(sourceId));
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return "hss_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
