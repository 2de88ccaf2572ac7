package io.audiencehub.sandbox.heap;

import io.audiencehub.base.PublicUrl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Heap's side of the partner OAuth 2.0 flow: checks the authorization request, issues one-time codes
 * that expire after {@code code-lifetime}, redeems them for tokens (kept only as hashes), and answers
 * metadata for a bearer token.
 */
@Service
@Profile("sandbox")
public class SandboxOAuthService {

    static final String SCOPE = "segment";

    private final SandboxOAuthRepository repository;
    private final SandboxHeapProperties settings;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SandboxOAuthService(SandboxOAuthRepository repository, SandboxHeapProperties settings, PublicUrl publicUrl,
                        Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SandboxEnvironment> environments() {
        return repository.environments();
    }

    /**
     * The environment the demo site plays: the one asked for, else the one a hub connected to last (what
     * its visitors must belong to for Heap to export them to that hub), else the first.
     */
    public SandboxEnvironment siteEnvironment(Long requested) {
        if (requested != null) {
            return repository.environment(requested)
                    .orElseThrow(() -> new IllegalArgumentException("no sandbox environment " + requested));
        }
        return repository.lastGranted().or(() -> repository.environments().stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("the sandbox has no environment"));
    }

    /** A new environment with a fresh id_token. */
    @Transactional
    public SandboxEnvironment createEnvironment(String name) {
        String idToken = UUID.randomUUID().toString();
        return new SandboxEnvironment(repository.insertEnvironment(idToken, name), idToken, name);
    }

    /**
     * Checks what the partner sent to the authorize endpoint. Problems with the client or the redirect
     * URI are shown on the page (never redirected, as OAuth requires); others go back to the partner.
     */
    void checkAuthorizeRequest(String clientId, String redirectUri, String responseType, String scope) {
        if (!settings.clientId().equals(clientId)) {
            throw new SandboxOAuthException(400, "unauthorized_client", "Unknown client_id \"" + clientId
                    + "\": this Heap environment has no partner app with that id.");
        }
        String registered = publicUrl.resolve(settings.redirectUri());
        if (!registered.equals(redirectUri)) {
            throw new SandboxOAuthException(400, "invalid_request", "redirect_uri \"" + redirectUri
                    + "\" is not the one registered for this app (" + registered + "); it must match exactly.");
        }
        if (!"code".equals(responseType)) {
            throw new SandboxOAuthException(302, "unsupported_response_type", "response_type must be \"code\".");
        }
        if (scope == null || !List.of(scope.split("[, ]+")).stream().allMatch(SCOPE::equals)) {
            throw new SandboxOAuthException(302, "invalid_scope", "The only scope is \"segment\".");
        }
    }

    /** The user clicked Allow: a one-time code for the chosen environment. */
    @Transactional
    String issueCode(long environmentId, String clientId, String redirectUri, String codeChallenge) {
        repository.environment(environmentId).orElseThrow(() -> new SandboxOAuthException(400, "invalid_request",
                "No environment " + environmentId + " in this sandbox."));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repository.insertCode(new SandboxOAuthRepository.IssuedCode(code, environmentId, clientId, redirectUri,
                StringUtils.hasText(codeChallenge) ? codeChallenge : null, clock.instant(), null));
        return code;
    }

    /** The token endpoint: redeems a code once, within its lifetime, for the client it was issued to. */
    @Transactional(noRollbackFor = SandboxOAuthException.class)
    Map<String, String> redeem(Map<String, String> request) {
        if (!settings.clientId().equals(request.get("client_id"))
                || !settings.clientSecret().equals(request.get("client_secret"))) {
            throw new SandboxOAuthException(401, "invalid_client", "Unknown client_id or wrong client_secret.");
        }
        if (!"authorization_code".equals(request.get("grant_type"))) {
            throw new SandboxOAuthException(400, "unsupported_grant_type", "grant_type must be authorization_code.");
        }
        String code = request.getOrDefault("code", "");
        var issued = repository.lockCode(code).orElseThrow(() -> invalidGrant("Unknown authorization code."));
        Instant now = clock.instant();
        if (issued.usedAt() != null) {
            throw invalidGrant("The authorization code was already used.");
        }
        repository.markUsed(code, now);
        if (issued.createdAt().plus(settings.codeLifetime()).isBefore(now)) {
            throw invalidGrant("The authorization code expired (codes live " + settings.codeLifetime().toSeconds() + " s).");
        }
        if (!issued.clientId().equals(request.get("client_id")) || !issued.redirectUri().equals(request.get("redirect_uri"))) {
            throw invalidGrant("The code was issued to another client or redirect_uri.");
        }
        if (issued.codeChallenge() != null && !issued.codeChallenge().equals(challenge(request.get("code_verifier")))) {
            throw invalidGrant("code_verifier does not match the code_challenge (PKCE).");
        }
        SandboxEnvironment environment = repository.environment(issued.environmentId()).orElseThrow();
        String accessToken = UUID.randomUUID() + "." + UUID.randomUUID();
        repository.insertToken(sha256(accessToken), environment.id(), issued.clientId(), now);
        return Map.of("access_token", accessToken, "id_token", environment.idToken(), "token_type", "bearer");
    }

    /** The metadata endpoint: the environment that {@code accessToken} was granted for, if it is {@code idToken}'s. */
    @Transactional(readOnly = true)
    Map<String, String> metadata(String idToken, String accessToken) {
        SandboxEnvironment environment = repository.environmentOfToken(sha256(accessToken == null ? "" : accessToken))
                .orElseThrow(() -> new SandboxOAuthException(401, "invalid_token", "Unknown or missing bearer token."));
        if (!environment.idToken().equals(idToken)) {
            throw new SandboxOAuthException(403, "insufficient_scope", "The token does not belong to " + idToken + ".");
        }
        return Map.of("id_token", environment.idToken(), "environment_name", environment.name(),
                "app_name", "Audience Hub", "scopes", SCOPE);
    }

    private static SandboxOAuthException invalidGrant(String description) {
        return new SandboxOAuthException(400, "invalid_grant", description);
    }

    private static String challenge(String verifier) {
        if (verifier == null) {
            return "";
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(verifier));
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
