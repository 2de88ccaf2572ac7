package io.audiencehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sign-in form's POST needs the CSRF token the sign-in page carries; without it nobody is signed in. */
class LoginCsrfTest extends IntegrationTest {

    private static final Pattern TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSignInWithoutTheTokenIsRefusedAndOneWithItSucceeds() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).GET());
        Matcher token = TOKEN.matcher(page.body());
        assertThat(token.find()).as("the sign-in page carries the token").isTrue();

        HttpResponse<String> forged = signIn("");
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login?error"));

        HttpResponse<String> real = signIn("&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(real.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).doesNotContain("login"));
    }

    private HttpResponse<String> signIn(String extra) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin" + extra)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
