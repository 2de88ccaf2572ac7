package io.audiencehub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sign-in form as a browser at {@code clientAddress} uses it (behind the tests' trusted proxy):
 * its session cookie, the CSRF token of the sign-in page, and the form's POST.
 */
public final class SignInForm {

    private static final Pattern TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final String clientAddress;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public SignInForm(String baseUrl, String clientAddress) {
        this.baseUrl = baseUrl;
        this.clientAddress = clientAddress;
    }

    /** Opens the sign-in page and returns the CSRF token it carries, or null. */
    String openPage() {
        Matcher token = TOKEN.matcher(send(request("/login").GET()).body());
        return token.find() ? token.group(1) : null;
    }

    /** Posts the form, with the token when one is given; the answer is a redirect. */
    HttpResponse<String> post(String username, String password, String token) {
        String form = "username=" + encode(username) + "&password=" + encode(password)
                + (token == null ? "" : "&_csrf=" + encode(token));
        return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Whether the form, with the page's token, signs this user in. */
    public boolean signsIn(String username, String password) {
        return !post(username, password, openPage()).headers().firstValue("Location").orElse("/login")
                .contains("/login");
    }

    /** A GET in this browser's session, signed in or not. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-Forwarded-For", clientAddress);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
