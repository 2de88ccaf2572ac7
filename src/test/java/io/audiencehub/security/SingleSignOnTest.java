package io.audiencehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.TestDatabase;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** OpenID Connect sign-in, the whole authorization-code round trip over real HTTP. */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after its tests, so that it hands the audience writer lock back to the shared context
@DirtiesContext
class SingleSignOnTest {

    private static final FakeOidcProvider PROVIDER = new FakeOidcProvider();

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @DynamicPropertySource
    static void sso(DynamicPropertyRegistry registry) {
        registry.add("audiencehub.db.url", TestDatabase::url);
        registry.add("audiencehub.sso.issuer-uri", PROVIDER::issuer);
        registry.add("audiencehub.sso.client-id", () -> FakeOidcProvider.CLIENT_ID);
        registry.add("audiencehub.sso.client-secret", () -> FakeOidcProvider.CLIENT_SECRET);
        registry.add("audiencehub.sso.name", () -> "Acme SSO");
        registry.add("audiencehub.sso.allowed-email-domains", () -> "acme.example");
        registry.add("audiencehub.sso.allowed-groups", () -> "audience-hub-users");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void signingInWithTheProviderOpensTheProductWithoutAPassword() throws Exception {
        PROVIDER.signInAs("alice", List.of("audiencehub-admin"));

        HttpResponse<String> toProvider = get("http://localhost:" + port + "/oauth2/authorization/sso");
        String authorize = location(toProvider);
        assertThat(authorize).startsWith(PROVIDER.issuer() + "/authorize?")
                .contains("client_id=" + FakeOidcProvider.CLIENT_ID)
                .contains("scope=openid%20profile%20email")
                .contains("redirect_uri=http://localhost:" + port + "/login/oauth2/code/sso");

        String callback = location(get(authorize));
        String afterSignIn = location(get(callback));
        assertThat(afterSignIn).doesNotContain("error").doesNotEndWith("/login");

        HttpResponse<String> home = get("http://localhost:" + port + "/integrations/hub");
        assertThat(home.statusCode()).as("signed in: the view is served, not a redirect to the login page")
                .isEqualTo(200);
    }

    @Test
    void onlyTheAccountsTheAllowListNamesSignIn() throws Exception {
        PROVIDER.signInAs("mallory", "mallory@gmail.example", List.of("audiencehub-admin"), List.of());
        assertThat(signIn()).as("an account of the issuer outside the allow-list").endsWith("/login?error");
        assertThat(get("http://localhost:" + port + "/integrations/hub").statusCode()).isEqualTo(302);

        PROVIDER.signInAs("contractor", "contractor@agency.example", List.of(), List.of("audience-hub-users"));
        assertThat(signIn()).as("a member of an allowed group").doesNotContain("error");
        assertThat(get("http://localhost:" + port + "/integrations/hub").statusCode()).isEqualTo(200);
    }

    /** The round trip through the provider; returns where the hub sends the browser at its end. */
    private String signIn() throws Exception {
        String authorize = location(get("http://localhost:" + port + "/oauth2/authorization/sso"));
        return location(get(location(get(authorize))));
    }

    @Test
    void aCallbackWithAForgedStateIsRefused() throws Exception {
        get("http://localhost:" + port + "/oauth2/authorization/sso");

        String refused = location(get("http://localhost:" + port + "/login/oauth2/code/sso?code=stolen&state=forged"));
        assertThat(refused).endsWith("/login?error");
        assertThat(get("http://localhost:" + port + "/integrations/hub").statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("a redirect from " + response.uri()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}
