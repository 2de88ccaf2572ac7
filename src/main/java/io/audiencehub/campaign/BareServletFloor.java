package io.audiencehub.campaign;

import io.audiencehub.security.PublicEndpoints;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The floor of bench/decisions-http.sh: a bare servlet on the hub's own Tomcat, behind the same filters, that
 * answers with bytes given to it beforehand (a decision answer, the tag), so that the decision API and the tag
 * are measured against the least that serving the same bytes can cost. {@code PUT .../bare/<name>} stores the
 * body under the name with its content type; any other method on it reads the request's body and writes them
 * back. Only with the {@code bench} profile; production never serves it.
 */
@Profile("bench")
@Configuration(proxyBeanMethods = false)
class BareServletFloor {

    static final String PATH = "/api/v1/bench/bare";

    private record Served(String contentType, byte[] body) {
    }

    /** Serves the bytes last put under each name. */
    static final class Replay extends HttpServlet {

        private final transient Map<String, Served> served = new ConcurrentHashMap<>();

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String name = request.getPathInfo() == null ? "" : request.getPathInfo();
            byte[] body = request.getInputStream().readAllBytes();
            if ("PUT".equals(request.getMethod())) {
                served.put(name, new Served(request.getContentType(), body));
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
            Served bytes = served.get(name);
            if (bytes == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "PUT the bytes to serve first");
                return;
            }
            response.setContentType(bytes.contentType());
            response.setContentLength(bytes.body().length);
            response.getOutputStream().write(bytes.body());
        }
    }

    @Bean
    ServletRegistrationBean<Replay> bareServlet() {
        return new ServletRegistrationBean<>(new Replay(), PATH + "/*");
    }

    @Bean
    PublicEndpoints bareServletEndpoint() {
        return () -> List.of(PATH + "/**");
    }
}
