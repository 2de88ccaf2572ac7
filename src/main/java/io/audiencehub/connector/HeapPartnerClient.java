package io.audiencehub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Heap's partner OAuth 2.0 (authorization code with PKCE) and metadata endpoints, as in Heap's
 * contract: {@code /api/partner/oauth/authorize}, {@code /api/partner/oauth/token} (client secret in
 * the form body) and {@code /api/partner/v1/metadata/{id_token}}. Every call has bounded timeouts.
 */
@Component
class HeapPartnerClient {

    static final String SCOPE = "segment";
    private static final Pattern TOKEN_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final HeapProperties heap;
    private final RestClient metadataClient;
    private final RestClientAuthorizationCodeTokenResponseClient tokenClient;
    private final StringKeyGenerator secrets = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 32);
    private final StringKeyGenerator verifiers = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 64);

    /** What Heap granted: the bearer token and the id of the customer's environment. */
    record Grant(String accessToken, String tokenId) {
    }

    HeapPartnerClient(HeapProperties heap) {
        this.heap = heap;
        ClientHttpRequestFactory requests = ClientHttpRequestFactoryBuilder.jdk().build(
                ClientHttpRequestFactorySettings.defaults()
                        .withConnectTimeout(heap.connectTimeout())
                        .withReadTimeout(heap.readTimeout()));
        this.metadataClient = RestClient.builder().requestFactory(requests).build();
        this.tokenClient = new RestClientAuthorizationCodeTokenResponseClient();
        tokenClient.setRestClient(RestClient.builder()
                .requestFactory(requests)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                    converters.add(new MappingJackson2HttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
    }

    String newState() {
        return secrets.generateKey();
    }

    String newCodeVerifier() {
        return verifiers.generateKey();
    }

    /** Where to send the browser: Heap's consent page for this authorization. */
    String authorizationUri(PendingAuthorization pending) {
        return authorizationRequest(pending).getAuthorizationRequestUri();
    }

    Grant exchange(PendingAuthorization pending, String code) {
        OAuth2AuthorizationRequest request = authorizationRequest(pending);
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
                .redirectUri(pending.redirectUri())
                .state(pending.state())
                .build();
        OAuth2AccessTokenResponse token;
        try {
            token = tokenClient.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
                    registration(pending), new OAuth2AuthorizationExchange(request, response)));
        } catch (OAuth2AuthorizationException e) {
            throw new ConnectorException(describeTokenFailure(pending.apiBaseUrl(), e));
        }
        Object tokenId = token.getAdditionalParameters().get("id_token");
        if (!(tokenId instanceof String id) || !TOKEN_ID.matcher(id).matches()) {
            throw new ConnectorException("Heap's token response has no valid id_token (the id of your Heap"
                    + " environment), so the connector cannot be linked to it. Try again; if it persists, contact Heap.");
        }
        return new Grant(token.getAccessToken().getTokenValue(), id);
    }

    /** The connected environment's name, read with the new token; any failure leaves the connector unvalidated. */
    String environmentName(String apiBaseUrl, Grant grant) {
        String url = apiBaseUrl + "/api/partner/v1/metadata/" + grant.tokenId();
        JsonNode metadata;
        try {
            metadata = metadataClient.get().uri(url)
                    .header("Authorization", "Bearer " + grant.accessToken())
                    .retrieve()
                    .body(JsonNode.class);
        } catch (RestClientResponseException e) {
            throw new ConnectorException("Heap's metadata endpoint answered HTTP " + e.getStatusCode().value()
                    + " with the new token, so the connection is not confirmed. Try again later.");
        } catch (RestClientException e) {
            throw new ConnectorException("Heap's metadata endpoint " + unreachable(e, url)
                    + ", so the connection is not confirmed. Try again later.");
        }
        if (metadata == null || !metadata.isObject()) {
            throw new ConnectorException("Heap's metadata endpoint did not answer with a JSON object,"
                    + " so the connection is not confirmed. Try again later.");
        }
        for (String field : new String[] {"environment_name", "name"}) {
            if (metadata.path(field).isTextual()) {
                return metadata.path(field).asText();
            }
        }
        return metadata.path("environment").path("name").asText("(unnamed environment)");
    }

    private OAuth2AuthorizationRequest authorizationRequest(PendingAuthorization pending) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(pending.apiBaseUrl() + "/api/partner/oauth/authorize")
                .clientId(heap.clientId())
                .redirectUri(pending.redirectUri())
                .scopes(Set.of(SCOPE))
                .state(pending.state())
                .attributes(attributes -> attributes.put(PkceParameterNames.CODE_VERIFIER, pending.codeVerifier()))
                .additionalParameters(Map.of(
                        PkceParameterNames.CODE_CHALLENGE, challenge(pending.codeVerifier()),
                        PkceParameterNames.CODE_CHALLENGE_METHOD, "S256"))
                .build();
    }

    private ClientRegistration registration(PendingAuthorization pending) {
        return ClientRegistration.withRegistrationId("heap")
                .clientId(heap.clientId())
                .clientSecret(heap.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(pending.redirectUri())
                .scope(SCOPE)
                .authorizationUri(pending.apiBaseUrl() + "/api/partner/oauth/authorize")
                .tokenUri(pending.apiBaseUrl() + "/api/partner/oauth/token")
                .build();
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String describeTokenFailure(String apiBaseUrl, OAuth2AuthorizationException e) {
        String tokenUrl = apiBaseUrl + "/api/partner/oauth/token";
        OAuth2Error error = e.getError();
        if ("invalid_grant".equals(error.getErrorCode())) {
            return "Heap refused the authorization code (" + describe(error) + "). A code works once and"
                    + " expires after 60 seconds: use Authorize again.";
        }
        if ("invalid_client".equals(error.getErrorCode()) || "unauthorized_client".equals(error.getErrorCode())) {
            return "Heap refused this hub's client credentials (" + describe(error) + "). Check"
                    + " AUDIENCEHUB_HEAP_CLIENTID and AUDIENCEHUB_HEAP_CLIENTSECRET.";
        }
        RestClientResponseException status = cause(e, RestClientResponseException.class);
        if (status != null) {
            return "Heap's token endpoint answered HTTP " + status.getStatusCode().value()
                    + ". Heap may be having trouble: try Authorize again later.";
        }
        RestClientException transport = cause(e, RestClientException.class);
        if (transport != null && (hasCause(transport, SocketTimeoutException.class)
                || hasCause(transport, HttpTimeoutException.class) || hasCause(transport, ConnectException.class))) {
            return "Heap's token endpoint " + unreachable(transport, tokenUrl) + ". Try Authorize again later.";
        }
        return "Heap's token endpoint did not answer with a valid token response (" + describe(error)
                + "). Try Authorize again later.";
    }

    private String unreachable(RestClientException e, String url) {
        if (hasCause(e, SocketTimeoutException.class) || hasCause(e, HttpTimeoutException.class)) {
            return "did not answer within " + heap.readTimeout().toSeconds() + " s (" + url + ")";
        }
        if (hasCause(e, ConnectException.class)) {
            return "could not be reached at " + url;
        }
        return "failed (" + e.getMostSpecificCause().getMessage() + ")";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String describe(OAuth2Error error) {
        return error.getDescription() == null ? error.getErrorCode()
                : error.getErrorCode() + ": " + error.getDescription();
    }
}
