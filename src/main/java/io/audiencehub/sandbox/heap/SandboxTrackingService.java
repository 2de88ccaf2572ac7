package io.audiencehub.sandbox.heap;

import io.audiencehub.sandbox.TrackedProperties;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the sandbox's heap.js records (users, identities, user properties), and the demo site's
 * "simulate N visitors": each a Heap user carrying the visitor-id property. The sandbox never calls the
 * hub's code: the demo site reports the simulated visitors over HTTP, as the tag does.
 */
@Service
@Profile("sandbox")
public class SandboxTrackingService {

    static final int MAX_SIMULATED = 1_000;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SandboxOAuthRepository environments;
    private final SandboxHeapUsers users;
    private final SandboxHeapProperties settings;
    private final SecureRandom random = new SecureRandom();

    SandboxTrackingService(SandboxOAuthRepository environments, SandboxHeapUsers users,
                           SandboxHeapProperties settings) {
        this.environments = environments;
        this.users = users;
        this.settings = settings;
    }

    /** Records a heap.js call; throws IllegalArgumentException naming what is wrong with it. */
    @Transactional
    public void track(String environmentId, String userId, String identity, Map<String, ?> properties) {
        long environment = environment(environmentId);
        users.record(environment, user(userId), identity, values(properties));
    }

    /** Records a heap.track() event of a user, with its properties. */
    @Transactional
    public void recordEvent(String environmentId, String userId, String event, Map<String, ?> properties) {
        long environment = environment(environmentId);
        if (event.isBlank() || event.length() > 255) {
            throw new IllegalArgumentException("event names have 1 to 255 characters");
        }
        users.recordEvent(environment, user(userId), event, values(properties));
    }

    private static String user(String userId) {
        if (userId == null || !userId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("userId must be 1 to 64 letters, digits, - or _");
        }
        return userId;
    }

    private static Map<String, String> values(Map<String, ?> properties) {
        return TrackedProperties.of(properties, 100, false);
    }

    @Transactional(readOnly = true)
    public long usersCarryingTheVisitorId(long environmentId) {
        return users.usersWithProperty(environmentId, settings.visitorProperty());
    }

    /**
     * Creates {@code count} Heap users, each carrying a new visitor id in the visitor-id property, and
     * returns those ids. The hub learns of them as of any visitor: when the demo site reports them to its
     * public visitor endpoint, as the tag does.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public List<String> simulateVisitors(long environmentId, int count) {
        environment(String.valueOf(environmentId));
        if (count < 1 || count > MAX_SIMULATED) {
            throw new IllegalArgumentException("simulate 1 to " + MAX_SIMULATED + " visitors at a time");
        }
        Map<String, String> visitorByUser = new LinkedHashMap<>();
        while (visitorByUser.size() < count) {
            StringBuilder id = new StringBuilder(16);
            for (int c = 0; c < 16; c++) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            visitorByUser.put("sim-" + UUID.randomUUID(), id.toString());
        }
        users.recordNew(environmentId, settings.visitorProperty(), visitorByUser);
        return new ArrayList<>(visitorByUser.values());
    }

    private long environment(String environmentId) {
        long id;
        try {
            id = Long.parseLong(environmentId == null ? "" : environmentId);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("environmentId must be the number given to heap.load()");
        }
        return environments.environment(id).map(SandboxEnvironment::id)
                .orElseThrow(() -> new IllegalArgumentException("no sandbox environment " + id));
    }
}
