package io.audiencehub.visitor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Serves the site tag, cacheable: an ETag of its content, and 304 when the browser has it already. */
@RestController
@Tag(name = "Public: site tag")
class TagController {

    static final String PATH = "/tag.js";

    private final byte[] tag;
    private final String etag;

    TagController() {
        try (InputStream in = new ClassPathResource("tag/tag.js").getInputStream()) {
            tag = in.readAllBytes();
            etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tag), 0, 8) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException("The site tag tag/tag.js is missing from the application", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Operation(summary = "The site tag script, cacheable (ETag, 304)", description = "docs/tag.md")
    @GetMapping(value = PATH, produces = "text/javascript;charset=UTF-8")
    ResponseEntity<byte[]> tag(@RequestHeader(name = "If-None-Match", required = false) String cached) {
        boolean fresh = etag.equals(cached);
        var response = ResponseEntity.status(fresh ? HttpStatus.NOT_MODIFIED : HttpStatus.OK).eTag(etag)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
                .header("Access-Control-Allow-Origin", "*");
        return fresh ? response.build() : response.body(tag);
    }
}
