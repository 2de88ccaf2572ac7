package io.audiencehub.visitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the site tag, cacheable: an ETag of its content, and 304 when the browser has it already. The
 * tag carries the names of the cookies the running campaigns' segments read, so a browser sends no
 * other; a change of those names changes the ETag.
 */
@RestController
@Tag(name = "Public: site tag")
class TagController {

    static final String PATH = "/tag.js";
    private static final String READ_COOKIES = "/*READ_COOKIES*/[]";

    /** The tag as served for one set of cookie names. */
    private record Served(SortedSet<String> cookieNames, byte[] body, String etag) {
    }

    private final String template;
    private final ObjectProvider<TagCookies> cookies;
    private final ObjectMapper json;
    private volatile Served served;

    TagController(ObjectProvider<TagCookies> cookies, ObjectMapper json) {
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

    @Operation(summary = "The site tag script, cacheable (ETag, 304)", description = "docs/tag.md")
    @GetMapping(value = PATH, produces = "text/javascript;charset=UTF-8")
    ResponseEntity<byte[]> tag(@RequestHeader(name = "If-None-Match", required = false) String cached) {
        Served current = current();
        boolean fresh = current.etag().equals(cached);
        var response = ResponseEntity.status(fresh ? HttpStatus.NOT_MODIFIED : HttpStatus.OK).eTag(current.etag())
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
                .header("Access-Control-Allow-Origin", "*");
        return fresh ? response.build() : response.body(current.body());
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
