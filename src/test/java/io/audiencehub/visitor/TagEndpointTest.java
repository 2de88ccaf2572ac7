package io.audiencehub.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TagEndpointTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theTagIsPublicSmallAndCacheableWithAnETag() throws Exception {
        HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/tag.js")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(first.statusCode()).isEqualTo(200);
        // the visitor id, consent, the Heap and Mixpanel properties, Push to both and the campaigns applied,
        // in under 10 KB, and under 4 KB as a browser fetches it gzipped
        assertThat(first.body().length).isLessThan(10 * 1024);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(first.body());
        }
        assertThat(gzipped.size()).isLessThan(4 * 1024);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("public"));
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/tag.js"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }
}
