package io.audiencehub.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class TagEndpointTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theTagIsPublicSmallAndCacheableWithAnETag() throws Exception {
        HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/tag.js")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(first.statusCode()).isEqualTo(200);
        // the visitor id, consent, the Heap property and the campaigns applied, in under 9 KB (under 4 KB gzipped)
        assertThat(first.body().length).isLessThan(9 * 1024);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("public"));
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/tag.js"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }
}
