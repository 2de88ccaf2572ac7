package io.audiencehub.connector;

import io.audiencehub.sandbox.heap.SandboxEnvironment;
import io.audiencehub.sandbox.heap.SandboxOAuthService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Connects a fresh Heap sandbox environment through the real OAuth round trip, as an admin would. */
public final class HeapConnectorsForTests {

    private HeapConnectorsForTests() {
    }

    public static Connector connect(ConnectorService connectors, SandboxOAuthService sandbox,
                                    SecurityContextHolderStrategy security, int port) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        SandboxEnvironment environment = sandbox.createEnvironment("Store " + suffix);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setServerName("localhost");
        request.setServerPort(port);
        SecurityContext previousContext = security.getContext();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        security.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "admin", "n/a", List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        try {
            String authorize = connectors.startAuthorization(ConnectorService.HEAP, "Heap " + suffix);
            Map<String, String> answer = HeapSandboxBrowser.query(
                    new HeapSandboxBrowser().decide(authorize, "allow", environment.id()));
            long id = connectors.completeAuthorization(answer.get("state"), answer.get("code"), null, null).connectorId();
            return connectors.find(id).orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException("Connecting the Heap sandbox failed", e);
        } finally {
            security.setContext(previousContext);
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
