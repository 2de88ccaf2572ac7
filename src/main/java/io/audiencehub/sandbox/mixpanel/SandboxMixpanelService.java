package io.audiencehub.sandbox.mixpanel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.sandbox.TrackedProperties;
import io.audiencehub.sandbox.mixpanel.SandboxMixpanelProject.Property;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The Mixpanel sandbox's project: what its snippet stand-in records ({@code people.set}, {@code track}),
 * the demo site's simulated visitors as users, cohorts by a rule, Custom Webhook connections and which
 * connection each cohort is exported to. The export itself is {@link SandboxCohortExport}'s.
 */
@Service
@Profile("sandbox")
public class SandboxMixpanelService {

    private static final int MAX_NAME = 120;
    private static final int MAX_VALUE = 255;

    private final SandboxMixpanelProject project;
    private final SandboxMixpanelSyncs syncs;
    private final SandboxMixpanelProperties settings;
    private final ObjectMapper json;
    private final Clock clock;

    SandboxMixpanelService(SandboxMixpanelProject project, SandboxMixpanelSyncs syncs,
                           SandboxMixpanelProperties settings, ObjectMapper json, Clock clock) {
        this.project = project;
        this.syncs = syncs;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** The project's token, as {@code mixpanel.init(token)} takes it. */
    public String projectToken() {
        return project.project().getValue();
    }

    public long projectId() {
        return project.project().getKey();
    }

    public String visitorProperty() {
        return settings.visitorProperty();
    }

    /** Records {@code mixpanel.people.set}; throws IllegalArgumentException naming what is wrong with it. */
    @Transactional
    public void setUserProperties(String token, String distinctId, Map<String, ?> properties) {
        long projectId = projectOf(token);
        String user = user(distinctId);
        Instant now = clock.instant();
        project.saveUser(projectId, user, now);
        project.saveProperties(projectId, values(properties).entrySet().stream()
                .map(property -> new Property(user, property.getKey(), property.getValue())).toList(), now);
    }

    /** Records {@code mixpanel.track} of a user, known or new. */
    @Transactional
    public void track(String token, String distinctId, String event, Map<String, ?> properties) {
        long projectId = projectOf(token);
        String user = user(distinctId);
        if (event == null || event.isBlank() || event.length() > MAX_VALUE) {
            throw new IllegalArgumentException("event names have 1 to " + MAX_VALUE + " characters");
        }
        Map<String, String> values = values(properties);
        Instant now = clock.instant();
        project.saveUser(projectId, user, now);
        try {
            project.saveEvent(projectId, user, event, json.writeValueAsString(values), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /** The demo site's simulated visitors become users of the project, each carrying its visitor id. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void addSimulatedVisitors(Collection<String> visitorIds) {
        Map<String, String> visitorByUser = new LinkedHashMap<>();
        visitorIds.forEach(visitorId -> visitorByUser.put("sim-" + UUID.randomUUID(), visitorId));
        project.saveNewUsers(projectId(), settings.visitorProperty(), visitorByUser, clock.instant());
    }

    @Transactional(readOnly = true)
    public long usersCarryingTheVisitorId() {
        return project.usersWithProperty(projectId(), settings.visitorProperty());
    }

    public List<String> userProperties() {
        return project.propertyNames(projectId());
    }

    public List<MixpanelCohort> cohorts() {
        return project.cohorts(projectId());
    }

    public MixpanelCohort cohort(long cohortId) {
        return project.cohort(cohortId)
                .orElseThrow(() -> new IllegalArgumentException("No cohort " + cohortId + " in this sandbox."));
    }

    public long memberCount(MixpanelCohort cohort) {
        return project.memberCount(cohort);
    }

    /** A cohort of the users whose property is set ({@code value} blank) or equals the value. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public MixpanelCohort defineCohort(String name, String description, String property, String value) {
        String cohortName = required(name, "A cohort needs a name");
        if (cohorts().stream().anyMatch(cohort -> cohort.name().equalsIgnoreCase(cohortName))) {
            throw new IllegalArgumentException("This project already has a cohort named \"" + cohortName + "\".");
        }
        String ruleProperty = required(property, "Choose the user property its users must have");
        return cohort(project.insertCohort(projectId(), cohortName, StringUtils.hasText(description)
                        ? description.strip() : null, ruleProperty, StringUtils.hasText(value) ? value.strip() : null,
                clock.instant()));
    }

    public List<MixpanelConnection> connections() {
        return project.connections(projectId());
    }

    /**
     * A Custom Webhook connection, as a customer fills Mixpanel's form with what the receiver showed: its
     * name, the webhook URL, optional Basic credentials and the property to export.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public MixpanelConnection connect(String name, String webhookUrl, String userName, String password,
                                      String exportProperty) {
        String connectionName = required(name, "A connection needs a name");
        if (connections().stream().anyMatch(connection -> connection.name().equalsIgnoreCase(connectionName))) {
            throw new IllegalArgumentException("This project already has a connection named \"" + connectionName + "\".");
        }
        String url = required(webhookUrl, "Paste the webhook URL the receiver gave");
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) address");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + url + "\" is not a webhook URL: paste the http(s) address the"
                    + " receiver showed.");
        }
        String property = StringUtils.hasText(exportProperty) ? exportProperty.strip() : settings.visitorProperty();
        return project.connection(project.insertConnection(projectId(), connectionName, url,
                StringUtils.hasText(userName) ? userName.strip() : null, StringUtils.hasText(password) ? password : null,
                property, clock.instant())).orElseThrow();
    }

    public Optional<MixpanelCohortSync> sync(long cohortId) {
        return syncs.sync(cohortId);
    }

    /** Exports the cohort to the connection; to another connection, the next sync is a full one. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public MixpanelCohortSync exportTo(long cohortId, long connectionId) {
        cohort(cohortId);
        project.connection(connectionId).orElseThrow(() -> new IllegalArgumentException("No connection "
                + connectionId + " in this project."));
        syncs.export(cohortId, connectionId);
        return syncs.sync(cohortId).orElseThrow();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setRecurring(long cohortId, boolean recurring) {
        requireExport(cohortId);
        syncs.setRecurring(cohortId, recurring, recurring ? clock.instant() : null);
    }

    /** Resumes a paused sync, as the customer does in Mixpanel once the receiver is fixed. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void resume(long cohortId) {
        requireExport(cohortId);
        syncs.setPaused(cohortId, false);
    }

    public List<MixpanelDeliveryAttempt> deliveries(long cohortId, int offset, int limit) {
        return syncs.deliveries(cohortId, offset, limit);
    }

    private void requireExport(long cohortId) {
        syncs.sync(cohortId).orElseThrow(() -> new IllegalStateException(
                "Export this cohort to a Custom Webhook connection first."));
    }

    private long projectOf(String token) {
        return project.projectOfToken(token == null ? "" : token).orElseThrow(() -> new IllegalArgumentException(
                "token must be the project token given to mixpanel.init()"));
    }

    private static String user(String distinctId) {
        if (distinctId == null || !distinctId.matches("[A-Za-z0-9_$:.-]{1,64}")) {
            throw new IllegalArgumentException("distinct_id must be 1 to 64 letters, digits or _$:.-");
        }
        return distinctId;
    }

    private static Map<String, String> values(Map<String, ?> properties) {
        return TrackedProperties.of(properties, MAX_VALUE, true);
    }

    private static String required(String text, String problem) {
        if (!StringUtils.hasText(text) || text.strip().length() > MAX_NAME) {
            throw new IllegalArgumentException(problem + ", of 1 to " + MAX_NAME + " characters.");
        }
        return text.strip();
    }
}
