package io.audiencehub.sandbox.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sandbox's OAuth endpoints, answering bad requests the way an OAuth server must. */
class SandboxOAuthEndpointTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anUnknownClientOrARedirectUriThatDoesNotMatchExactlyIsShownNotRedirected() throws Exception {
        HttpResponse<String> unknownClient = get(authorize("someone-else", callback(), "segment"));
        assertThat(unknownClient.statusCode()).isEqualTo(400);
        assertThat(unknownClient.body()).contains("Unknown client_id &quot;someone-else&quot;");

        HttpResponse<String> extraQuery = get(authorize("audience-hub-sandbox", callback() + "?x=1", "segment"));
        assertThat(extraQuery.statusCode()).isEqualTo(400);
        assertThat(extraQuery.body()).contains("must match exactly");
    }

    @Test
    void behindAProxyTheRegisteredRedirectUriFollowsTheForwardedPublicAddress() throws Exception {
        String publicCallback = "https://hub.example.com/integrations/heap/oauth/callback";
        HttpResponse<String> consent = http.send(HttpRequest.newBuilder(URI.create(
                        authorize("audience-hub-sandbox", publicCallback, "segment")))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "hub.example.com")
                .header("X-Forwarded-Port", "443").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("Allow Audience Hub integration to access your Heap environment");

        assertThat(get(authorize("audience-hub-sandbox", publicCallback, "segment")).statusCode())
                .as("without the proxy's headers the same URI is not this hub's").isEqualTo(400);
    }

    @Test
    void anUnknownScopeIsSentBackToThePartnerAsAnError() throws Exception {
        HttpResponse<String> response = get(authorize("audience-hub-sandbox", callback(), "users"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .startsWith(callback() + "?error=invalid_scope").contains("state=s1");
    }

    @Test
    void theTokenEndpointTakesFormOrJsonAndRefusesAWrongSecretOrCode() throws Exception {
        HttpResponse<String> wrongSecret = post("application/x-www-form-urlencoded",
                "grant_type=authorization_code&code=x&client_id=audience-hub-sandbox&client_secret=wrong");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("\"error\":\"invalid_client\"");

        HttpResponse<String> unknownCode = post("application/json", """
                {"grant_type":"authorization_code","code":"nope","client_id":"audience-hub-sandbox",
                 "client_secret":"sandbox-secret-for-the-demo-only","redirect_uri":"%s"}""".formatted(callback()));
        assertThat(unknownCode.statusCode()).isEqualTo(400);
        assertThat(unknownCode.body()).contains("\"error\":\"invalid_grant\"").contains("Unknown authorization code.");
    }

    @Test
    void metadataNeedsTheBearerTokenOfThatEnvironment() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/sandbox/heap/api/partner/v1/metadata/7a36ae58-c4b9-11eb-8529-0242ac130003"))
                .header("Authorization", "Bearer made-up").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_token");
    }

    private String callback() {
        return baseUrl() + "/integrations/heap/oauth/callback";
    }

    private String authorize(String clientId, String redirectUri, String scope) {
        return baseUrl() + "/sandbox/heap/api/partner/oauth/authorize?response_type=code&state=s1&client_id="
                + clientId + "&scope=" + scope + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/heap/api/partner/oauth/token"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
