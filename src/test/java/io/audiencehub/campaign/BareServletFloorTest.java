package io.audiencehub.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The benchmark's floor writes back exactly the bytes put under a name, whatever it is asked. */
class BareServletFloorTest {

    private final BareServletFloor.Replay floor = new BareServletFloor.Replay();

    @Test
    void theBytesPutUnderANameAreServedBackWithTheirContentType() throws Exception {
        MockHttpServletRequest put = request("PUT", "/decision", "{\"visitor_id\":\"v-1\",\"campaigns\":[]}");
        put.setContentType("application/json");
        floor.service(put, new MockHttpServletResponse());

        MockHttpServletResponse answer = new MockHttpServletResponse();
        floor.service(request("POST", "/decision", "{\"visitor_id\":\"someone else\"}"), answer);

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentType()).isEqualTo("application/json");
        assertThat(answer.getContentAsString()).isEqualTo("{\"visitor_id\":\"v-1\",\"campaigns\":[]}");
        assertThat(answer.getContentLength()).isEqualTo(35);
    }

    @Test
    void aNameNothingWasPutUnderIsNotFound() throws Exception {
        MockHttpServletResponse answer = new MockHttpServletResponse();
        floor.service(request("GET", "/tag.js", ""), answer);

        assertThat(answer.getStatus()).isEqualTo(404);
    }

    private static MockHttpServletRequest request(String method, String name, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, BareServletFloor.PATH + name);
        request.setPathInfo(name);
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
