package io.audiencehub.connector;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/** What a person's browser does on the Heap sandbox's consent page, over plain HTTP. */
final class HeapSandboxBrowser {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Opens the authorization page and answers it; returns where Heap sends the browser back to. */
    String decide(String authorizeUrl, String decision, long environmentId) throws IOException, InterruptedException {
        HttpResponse<String> page = get(authorizeUrl);
        if (page.statusCode() != 200) {
            throw new IllegalStateException("The consent page answered " + page.statusCode() + ": " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            form.put(HtmlUtils.htmlUnescape(hidden.group(1)), HtmlUtils.htmlUnescape(hidden.group(2)));
        }
        form.put("environment", String.valueOf(environmentId));
        form.put("decision", decision);
        String body = form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(authorizeUrl.split("\\?")[0]))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("The decision answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The query parameters of a URL, decoded. */
    static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
        }
        return values;
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
