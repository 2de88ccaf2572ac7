package io.audiencehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.Http;
import io.audiencehub.IntegrationTest;
import io.audiencehub.RawClients;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** One client holding many slow requests is turned away beyond its share; everyone else is still answered. */
class ClientRequestLimitTest extends IntegrationTest {

    private static final String SLOW_CLIENT = "127.0.0.4";

    @Value("${audiencehub.http.max-concurrent-requests-per-client}")
    int maxPerClient;

    @Test
    void slowRequestsOfOneClientHoldNoMoreThanItsShare() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < maxPerClient; i++) {
                Socket socket = RawClients.connectFrom(SLOW_CLIENT, port);
                slow.add(socket);
                socket.getOutputStream().write(("POST /api/v1/visitors/seen HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: 40\r\n\r\n{\"visit").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            Thread.sleep(500);

            try (Socket oneMore = RawClients.connectFrom(SLOW_CLIENT, port)) {
                oneMore.getOutputStream().write("GET /login HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(RawClients.statusLine(oneMore)).contains(" 503 ");
            }
            assertThat(Http.get(baseUrl() + "/login").statusCode()).as("another client is answered").isEqualTo(200);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
