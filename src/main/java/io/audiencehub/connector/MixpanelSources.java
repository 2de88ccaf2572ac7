package io.audiencehub.connector;

import io.audiencehub.base.PublicUrl;
import io.audiencehub.connector.MixpanelCredentialRepository.StoredCredentials;
import io.audiencehub.security.CurrentActor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mixpanel connectors (docs/mixpanel.md): validated as they are created, each with a source id (its
 * TokenID, in its webhook's URL), HTTP Basic credentials made by the hub and shown once (the password
 * kept as its SHA-256), and the user property that carries the hub's visitor id in the cohort exports.
 */
@Service
public class MixpanelSources {

    /** The property Mixpanel's AB Tasty integration sets, unless the admin names another. */
    public static final String DEFAULT_VISITOR_PROPERTY = "abtasty_visitor_id";
    public static final int MAX_PROPERTY_LENGTH = 255;
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_$ .-]*");
    private static final Logger log = LoggerFactory.getLogger(MixpanelSources.class);
    private static final String ENVIRONMENT = "Mixpanel project";
    private static final int PASSWORD_BYTES = 24;

    private final ConnectorRepository connectors;
    private final MixpanelCredentialRepository credentials;
    private final ConnectorAuditRepository audit;
    private final ConnectorNames names;
    private final PublicUrl publicUrl;
    private final CurrentActor actor;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MixpanelSources(ConnectorRepository connectors, MixpanelCredentialRepository credentials,
                    ConnectorAuditRepository audit, ConnectorNames names, PublicUrl publicUrl, CurrentActor actor,
                    Clock clock) {
        this.connectors = connectors;
        this.credentials = credentials;
        this.audit = audit;
        this.names = names;
        this.publicUrl = publicUrl;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Creates a Mixpanel connector, validated at once, and returns what to paste into Mixpanel this once.
     *
     * @param visitorProperty the user property its exports carry the visitor id in; blank for the default
     * @throws ConnectorException when the name or the property is not acceptable; nothing is created then
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public NewMixpanelSource create(String name, String visitorProperty) {
        String cleanName = names.check(name, null);
        String property = checkedProperty(visitorProperty);
        String userName = "mixpanel-" + UUID.randomUUID().toString().substring(0, 8);
        String password = newPassword();
        Instant now = clock.instant();
        long id = connectors.insertValidated(ConnectorKind.MIXPANEL.providerId(), cleanName,
                UUID.randomUUID().toString(), ENVIRONMENT, null, actor.name(), now);
        credentials.insert(id, userName, sha256(password), property, now);
        audit.append(id, ConnectorAuditAction.CREATED, actor.name(), now,
                "Mixpanel connector \"" + cleanName + "\" created with Basic credentials; its exports carry the visitor"
                        + " id in \"" + property + "\"");
        log.info("Mixpanel connector {} created by {}", id, actor.name());
        return new NewMixpanelSource(connectors.existing(id), userName, password, property);
    }

    /** New Basic credentials: deliveries with the old ones are refused from now on. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public NewMixpanelSource newCredentials(long connectorId) {
        Connector connector = connectors.existing(connectorId);
        if (connector.kind() != ConnectorKind.MIXPANEL || !connector.validated()) {
            throw new ConnectorException("Only a validated Mixpanel connector has credentials to replace.");
        }
        String userName = "mixpanel-" + UUID.randomUUID().toString().substring(0, 8);
        String password = newPassword();
        Instant now = clock.instant();
        credentials.replaceCredentials(connectorId, userName, sha256(password), now);
        audit.append(connectorId, ConnectorAuditAction.CREDENTIALS_REPLACED, actor.name(), now,
                "New Basic credentials; the previous ones are refused from now on");
        return new NewMixpanelSource(connector, userName, password,
                credentials.visitorProperty(connectorId).orElseThrow());
    }

    /**
     * The validated Mixpanel connector whose source id and credentials a delivery carries, with the
     * property its members carry the visitor id in; empty when either is wrong. Deliveries carry no user,
     * so this needs no sign-in.
     */
    @Transactional(readOnly = true)
    public Optional<MixpanelDelivery> authenticate(String sourceId, String userName, String password) {
        return credentials.ofValidatedSource(ConnectorKind.MIXPANEL.providerId(), sourceId)
                .filter(stored -> matches(stored, userName, password))
                .map(stored -> new MixpanelDelivery(stored.connectorId(), stored.visitorProperty()));
    }

    /** Where a Mixpanel connector's Custom Webhook posts, relative to the hub's public address. */
    public static String webhookPath(String sourceId) {
        return "/api/integrations/mixpanel/" + sourceId + "/webhook";
    }

    /** Where a Mixpanel connector's Custom Webhook posts: the public address, or the current request's. */
    public String webhookUrl(String sourceId) {
        return publicUrl.resolve(webhookPath(sourceId));
    }

    private static boolean matches(StoredCredentials stored, String userName, String password) {
        boolean user = MessageDigest.isEqual(stored.userName().getBytes(StandardCharsets.UTF_8),
                (userName == null ? "" : userName).getBytes(StandardCharsets.UTF_8));
        boolean secret = MessageDigest.isEqual(stored.passwordSha256(), sha256(password == null ? "" : password));
        return user & secret;
    }

    private static String checkedProperty(String visitorProperty) {
        String property = visitorProperty == null || visitorProperty.isBlank() ? DEFAULT_VISITOR_PROPERTY
                : visitorProperty.strip();
        if (property.length() > MAX_PROPERTY_LENGTH || !PROPERTY.matcher(property).matches()) {
            throw new ConnectorException("The visitor property is the name of a Mixpanel user property, such as "
                    + DEFAULT_VISITOR_PROPERTY + ": letters, digits, _ $ . - and spaces, at most " + MAX_PROPERTY_LENGTH
                    + " characters.");
        }
        return property;
    }

    private static byte[] sha256(String password) {
        return DigestUtils.sha256(password.getBytes(StandardCharsets.UTF_8));
    }

    private String newPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
