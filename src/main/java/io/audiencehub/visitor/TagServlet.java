package io.audiencehub.visitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiencehub.base.Refusal;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

/**
 * Serves the site tag, cacheable: an ETag of its content, and 304 when the browser has it already. The
 * tag carries the names of the cookies the running campaigns' segments read, so a browser sends no
 * other; a change of those names changes the ETag. A servlet of its own, not a Spring MVC handler: every
 * page of the sites asks for it, and Spring MVC's dispatch cost a quarter of its throughput (bench/README.md);
 * {@link TagApiDoc} puts it in the OpenAPI document.
 */
class TagServlet extends HttpServlet {

    static final String PATH = "/tag.js";
    private static final String READ_COOKIES = "/*READ_COOKIES*/[]";

    /** The tag as served for one set of cookie names. */
    private record Served(SortedSet<String> cookieNames, byte[] body, String etag) {
    }

    private static final String CACHE_CONTROL = CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic()
            .getHeaderValue();

    private final String template;
    private final transient ObjectProvider<TagCookies> cookies;
    private final transient ObjectMapper json;
    private transient volatile Served served;

    TagServlet(ObjectProvider<TagCookies> cookies, ObjectMapper json) {
        try (InputStream in = new ClassPathResource("tag/tag.js").getInputStream()) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The site tag tag/tag.js is missing from the application", e);
        }
        if (!template.contains(READ_COOKIES)) {
            throw new IllegalStateException("The site tag tag/tag.js has no " + READ_COOKIES + " for the cookie names");
        }
        this.cookies = cookies;
        this.json = json;
        this.served = serve(new TreeSet<>());
    }

    /** GET and HEAD; any other method is refused as the hub refuses, with a problem naming the method to use. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException,
            ServletException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            super.service(request, response);
            return;
        }
        response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
        Refusal.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Fetch the site tag with GET.");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Served current = current();
        response.setHeader(HttpHeaders.ETAG, current.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        if (current.etag().equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("text/javascript;charset=UTF-8");
        response.setContentLength(current.body().length);
        response.getOutputStream().write(current.body());
    }

    private Served current() {
        TagCookies source = cookies.getIfAvailable();
        SortedSet<String> names = source == null ? new TreeSet<>() : source.cookieNamesRead();
        Served current = served;
        if (!current.cookieNames().equals(names)) {
            current = serve(names);
            served = current;
        }
        return current;
    }

    private Served serve(SortedSet<String> names) {
        try {
            byte[] body = template.replace(READ_COOKIES, json.writeValueAsString(names)).getBytes(StandardCharsets.UTF_8);
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8) + "\"";
            return new Served(new TreeSet<>(names), body, etag);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("The site tag cannot be served", e);
        }
    }
}
