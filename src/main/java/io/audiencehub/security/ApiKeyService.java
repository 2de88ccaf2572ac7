package io.audiencehub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keys for server-side clients of the API. A key is 40 random letters and digits after {@code ahk_};
 * only its SHA-256 is stored (a key that random needs no slow hash), so it is shown once, when it is
 * created. Admins create and revoke keys; a revoked key opens nothing. A key reads, or reads and
 * writes ({@link ApiKeyScope}).
 */
@Service
public class ApiKeyService {

    public static final int MAX_NAME_LENGTH = 120;
    static final String KEY_START = "ahk_";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int RANDOM_LENGTH = 40;

    private final ApiKeyRepository keys;
    private final CurrentActor actor;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyRepository keys, CurrentActor actor, Clock clock) {
        this.keys = keys;
        this.actor = actor;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public NewApiKey create(String name, Set<ApiKeyScope> scopes) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME_LENGTH) {
            throw new UserChangeException("Give the key a name of 1 to " + MAX_NAME_LENGTH
                    + " characters, such as the client that uses it.");
        }
        if (scopes == null) {
            throw new UserChangeException("Choose what the key may do: it always reads; pick the changes it may make.");
        }
        Set<ApiKeyScope> granted = ApiKeyScope.withRead(scopes);
        StringBuilder secret = new StringBuilder(KEY_START);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String key = secret.toString();
        long id = keys.insert(clean, key.substring(0, 12), granted, sha256(key), actor.name(), clock.instant());
        log.info("API key {} ({}, {}) created by {}", id, clean, ApiKeyScope.stored(granted), actor.name());
        return new NewApiKey(keys.find(id).orElseThrow(), key);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void revoke(long id) {
        if (keys.revoke(id, actor.name(), clock.instant()) != 1) {
            throw new UserChangeException("API key " + id + " does not exist or is already revoked. Reload the page.");
        }
        log.info("API key {} revoked by {}", id, actor.name());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiKey> page(int offset, int limit) {
        return keys.page(offset, limit);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public int count() {
        return keys.count();
    }

    /** Records a change requested with a key, once answered: the trail admins see under API keys. */
    @Transactional
    public void recordWrite(ApiKey key, String method, String path, int status) {
        keys.recordWrite(key.id(), key.actorName(), method, path, status, clock.instant());
    }

    /** The changes requested with keys, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiKeyWrite> writes(int offset, int limit) {
        return keys.writes(offset, limit);
    }

    /** The active key this is, if any; API endpoints ask it with no sign-in. */
    @Transactional(readOnly = true)
    public Optional<ApiKey> authenticate(String key) {
        if (key == null || !key.startsWith(KEY_START) || key.length() != KEY_START.length() + RANDOM_LENGTH) {
            return Optional.empty();
        }
        return keys.activeByHash(sha256(key));
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
